// The dashboard's JSON API and the one error banner of the page.
const banner = () => document.getElementById('error');

export function showError(message) {
  const el = banner();
  el.textContent = message;
  el.hidden = false;
}

export function clearError() {
  banner().hidden = true;
}

/** GET or POST JSON; throws an Error with the server's message (and .status) on a non-2xx answer. */
export async function api(path, body) {
  const init = body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    const details = json && json.errors ? '\n' + json.errors.join('\n') : '';
    const error = new Error((json && json.error ? json.error : `${response.status} ${response.statusText}`) + details);
    error.status = response.status;
    throw error;
  }
  return json;
}

/** Runs an action and shows its error in the banner instead of throwing. */
export async function act(path, body) {
  try {
    const result = await api(path, body);
    clearError();
    return result;
  } catch (e) {
    showError(e.message);
    return null;
  }
}

export function el(tag, attrs = {}, ...children) {
  const ns = attrs.svg ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml';
  const node = document.createElementNS(ns, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key !== 'svg' && value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

export function ago(ms) {
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  return s < 60 ? `${s}s ago` : s < 3600 ? `${Math.round(s / 60)}m ago` : new Date(ms).toLocaleString();
}
