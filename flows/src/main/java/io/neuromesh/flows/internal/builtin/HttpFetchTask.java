package io.neuromesh.flows.internal.builtin;

import io.neuromesh.flows.Task;
import io.neuromesh.flows.TaskContext;
import io.neuromesh.flows.demo.Crawl;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code http.fetch}: GET one URL within a time cap (connect, headers, body and redirects together) and a size cap;
 * status, body size and HTML title, or an error of its own. Redirects are followed only within the same origin (see
 * {@link Redirects}), at most {@value Crawl#MAX_REDIRECTS} times. It reaches the network, so a worker runs it only when
 * its operator enabled it.
 */
final class HttpFetchTask implements Task<Crawl.Request, Crawl.Page> {

    // Redirects are checked and followed here, never by the client: it would follow them to any host.
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Crawl.CONNECT_TIMEOUT).build();

    @Override
    public String name() {
        return Crawl.TASK;
    }

    @Override
    public Type argumentType() {
        return Crawl.Request.class;
    }

    @Override
    public Type resultType() {
        return Crawl.Page.class;
    }

    @Override
    public Crawl.Page run(Crawl.Request request, TaskContext context) throws Exception {
        if (request == null) {
            throw new IllegalArgumentException("http.fetch needs {\"url\":\"http://...\",\"timeoutMs\":N}");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.timeoutMs());
        URI uri = URI.create(request.url());
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response = get(uri, request, deadline);
            String location = response.headers().firstValue("Location").orElse(null);
            if (!Redirects.STATUSES.contains(response.statusCode()) || location == null) {
                Charset charset = response.headers().firstValue("Content-Type").map(HttpFetchTask::charset)
                        .orElse(StandardCharsets.UTF_8);
                return new Crawl.Page(request.url(), response.statusCode(), response.body().length,
                        Titles.of(new String(response.body(), charset)));
            }
            URI next = Redirects.follow(uri, location);
            if (redirects == Crawl.MAX_REDIRECTS) {
                throw new IOException("more than " + Crawl.MAX_REDIRECTS + " redirects (the last to " + next + ")");
            }
            uri = next;
        }
    }

    /** One GET within what is left until {@code deadline} (System.nanoTime). */
    private HttpResponse<byte[]> get(URI uri, Crawl.Request request, long deadline) throws Exception {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new IOException("timed out after " + request.timeoutMs() + " ms");
        }
        HttpRequest get = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left))
                .header("User-Agent", "neuromesh-flows").GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(get, CappedBody.handler(request.maxBytes()));
        try {
            // The request timeout ends at the headers; this one also bounds the body.
            return pending.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new IOException("timed out after " + request.timeoutMs() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new IOException(describe(e.getCause(), request.timeoutMs()), e.getCause());
        }
    }

    private static String describe(Throwable cause, long timeoutMs) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof CappedBody.TooLarge) {
                return c.getMessage();
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect within " + Math.min(timeoutMs, Crawl.CONNECT_TIMEOUT.toMillis()) + " ms";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out after " + timeoutMs + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Charset charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalArgumentException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
