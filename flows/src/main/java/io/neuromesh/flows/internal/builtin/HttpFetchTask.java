package io.neuromesh.flows.internal.builtin;

import io.neuromesh.flows.Task;
import io.neuromesh.flows.TaskContext;
import io.neuromesh.flows.demo.Crawl;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
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

/** {@code http.fetch}: GET one URL within a timeout; status, body size and HTML title, or an error of its own. */
final class HttpFetchTask implements Task<Crawl.Request, Crawl.Page> {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

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
        Duration timeout = Duration.ofMillis(request.timeoutMs());
        HttpRequest get = HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout)
                .header("User-Agent", "neuromesh-flows").GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(get, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            // The request timeout ends at the headers; this one also bounds the body.
            response = pending.get(request.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new IOException("timed out after " + request.timeoutMs() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new IOException(describe(e.getCause(), request.timeoutMs()), e.getCause());
        }
        byte[] body = response.body();
        Charset charset = response.headers().firstValue("Content-Type").map(HttpFetchTask::charset)
                .orElse(StandardCharsets.UTF_8);
        return new Crawl.Page(request.url(), response.statusCode(), body.length,
                Titles.of(new String(body, charset)));
    }

    private static String describe(Throwable cause, long timeoutMs) {
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
