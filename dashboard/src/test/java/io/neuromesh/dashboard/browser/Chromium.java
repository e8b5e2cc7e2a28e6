package io.neuromesh.dashboard.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol, with nothing but the JDK's WebSocket client
 * and Gson: no driver binary whose version must match the browser, no Selenium. One page (tab) per instance.
 */
public final class Chromium implements AutoCloseable {

    /** Where Debian's {@code chromium} package puts the browser; {@code $CHROMIUM} overrides it. */
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration COMMAND = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final String session;

    private Chromium(Process process, Path profile, URI endpoint) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new Listener()).join();
        String target = call("Target.createTarget", obj("url", "about:blank"), null).get("targetId").getAsString();
        JsonObject attach = obj("targetId", target);
        attach.addProperty("flatten", true);
        this.session = call("Target.attachToTarget", attach, null).get("sessionId").getAsString();
        call("Page.enable", new JsonObject(), session);
        JsonObject size = new JsonObject();
        size.addProperty("width", 1200);
        size.addProperty("height", 760);
        size.addProperty("deviceScaleFactor", 1);
        size.addProperty("mobile", false);
        call("Emulation.setDeviceMetricsOverride", size, session);
    }

    /** @return the browser binary, or empty (the tests then skip, saying why) */
    public static Optional<Path> find() {
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(Files::isExecutable);
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts a headless browser with a fresh profile and opens one blank page. */
    public static Chromium launch(Path binary) throws IOException {
        Path profile = Files.createTempDirectory("neuromesh-chromium-");
        Process process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--mute-audio",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // Keep draining its log, or the browser blocks on a full pipe.
                Thread.ofVirtual().start(() -> err.lines().forEach(l -> { }));
                return new Chromium(process, profile, URI.create(m.group(1)));
            }
            seen.append(line).append('\n');
        }
        process.destroyForcibly();
        throw new IOException("chromium did not open its DevTools port within 30s; it said:\n" + seen);
    }

    /** Opens {@code url} in the page; returns when the load event fired. */
    public void navigate(String url) {
        call("Page.navigate", obj("url", url), session);
        long deadline = System.nanoTime() + COMMAND.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonElement state = evaluate("document.readyState");
                if (state.isJsonPrimitive() && "complete".equals(state.getAsString())) {
                    return;
                }
            } catch (IllegalStateException navigating) {
                // The old document went away under the evaluation: ask the new one.
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException(url + " did not load within " + COMMAND.toSeconds() + "s");
    }

    /** @return the value of a JavaScript expression in the page (promises awaited), as JSON */
    public JsonElement evaluate(String expression) {
        JsonObject params = obj("expression", expression);
        params.addProperty("returnByValue", true);
        params.addProperty("awaitPromise", true);
        JsonObject result = call("Runtime.evaluate", params, session);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + result.get("exceptionDetails"));
        }
        JsonObject value = result.getAsJsonObject("result");
        return value.has("value") ? value.get("value") : com.google.gson.JsonNull.INSTANCE;
    }

    /** @return the value of an expression as a string ("" for null/undefined) */
    public String text(String expression) {
        JsonElement value = evaluate(expression);
        return value.isJsonNull() ? "" : value.getAsString();
    }

    /** Writes a PNG of the page's viewport. */
    public void screenshot(Path file) throws IOException {
        String data = call("Page.captureScreenshot", obj("format", "png"), session).get("data").getAsString();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(data));
    }

    private JsonObject call(String method, JsonObject params, String sessionId) {
        int id = ids.incrementAndGet();
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params);
        if (sessionId != null) {
            message.addProperty("sessionId", sessionId);
        }
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).join();
        try {
            JsonObject reply = answer.get(COMMAND.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.getAsJsonObject("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + ": no answer from chromium within " + COMMAND.toSeconds() + "s",
                    e);
        } finally {
            pending.remove(id);
        }
    }

    private static JsonObject obj(String key, String value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return o;
    }

    /** Collects text frames into messages and completes the matching call. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                JsonObject message = JsonParser.parseString(buffer.toString()).getAsJsonObject();
                buffer.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonObject> waiting = pending.get(message.get("id").getAsInt());
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    /** Closes the browser and deletes its profile. */
    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                System.err.println("cannot delete the browser profile " + profile + ": " + e);
            }
        }
    }
}
