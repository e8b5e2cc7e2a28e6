package io.neuromesh.flows.internal.builtin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.neuromesh.flows.demo.Crawl;
import io.neuromesh.flows.internal.wire.Json;
import io.neuromesh.flows.testing.WebServer;
import io.neuromesh.testkit.broker.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code http.fetch}'s caps against a local web server: size, time, redirects. */
@Timeout(30)
class HttpFetchTaskTest {

    private static final int MIB = 1 << 20;

    private final HttpFetchTask fetch = new HttpFetchTask();
    private final AtomicLong endlessSent = new AtomicLong();
    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = WebServer.loopback();
        server.createContext("/page", exchange -> WebServer.reply(exchange, 200, "<title>the page</title>"));
        server.createContext("/big", exchange -> WebServer.reply(exchange, 200, "x".repeat(MIB + 1)));
        server.createContext("/mid", exchange -> WebServer.reply(exchange, 200, "x".repeat(MIB + MIB / 2)));
        server.createContext("/endless", exchange -> {
            // Chunked, no length: only the reader's cap ends it (or 64 MiB, so a broken cap cannot hang the test).
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                while (endlessSent.get() < 64L * MIB) {
                    out.write(chunk);
                    endlessSent.addAndGet(chunk.length);
                }
            } catch (IOException closedByTheReader) {
                // expected: the fetch stopped reading
            }
        });
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<title>slow".getBytes(StandardCharsets.UTF_8));
                out.flush();
                // The page's behaviour, not a wait: the rest of its body comes after the fetch's time cap.
                Thread.sleep(3000);
                out.write("</title>".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException gone) {
                // the fetch gave up first
            }
        });
        server.createContext("/to-page", exchange -> redirect(exchange, "/page"));
        server.createContext("/to-self", exchange -> redirect(exchange, "/to-self"));
        server.createContext("/to-localhost", exchange -> redirect(exchange,
                "http://localhost:" + server.getAddress().getPort() + "/page"));
        server.createContext("/to-port", exchange -> redirect(exchange, "http://127.0.0.1:" + FreePorts.next() + "/"));
        server.createContext("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));
        server.start();
        base = WebServer.base(server);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private Crawl.Page get(String path, long timeoutMs, long maxBytes) throws Exception {
        return fetch.run(new Crawl.Request(base + path, timeoutMs, maxBytes), null);
    }

    private String error(String path, long timeoutMs, long maxBytes) {
        return assertThrows(IOException.class, () -> get(path, timeoutMs, maxBytes)).getMessage();
    }

    @Test
    void readsAPageWithinTheCaps() throws Exception {
        assertEquals(new Crawl.Page(base + "/page", 200, 23, "the page"), get("/page", 5000, 0));
    }

    @Test
    void refusesABodyOverTheDefaultOneMebibyteCap() {
        assertEquals("body larger than the 1048576-byte limit (maxBytes); stopped reading", error("/big", 5000, 0));
    }

    @Test
    void stopsReadingAnEndlessBodyAtTheCap() {
        assertEquals("body larger than the 100000-byte limit (maxBytes); stopped reading",
                error("/endless", 5000, 100_000));
        assertTrue(endlessSent.get() < 64L * MIB, "the server was cut off after " + endlessSent.get() + " bytes");
    }

    @Test
    void takesALargerCapFromTheArgumentsUpToTheLimit() throws Exception {
        assertEquals(MIB + MIB / 2, get("/mid", 5000, 2 * MIB).bytes());
        assertEquals("maxBytes: must be 1-8388608 bytes (0 for 1048576), got 8388609",
                assertThrows(IllegalArgumentException.class,
                        () -> new Crawl.Request(base, 1000, Crawl.MAX_BYTES_LIMIT + 1)).getMessage());
        assertEquals(Crawl.DEFAULT_MAX_BYTES, Json.GSON.fromJson("{\"url\":\"" + base + "\",\"timeoutMs\":1000}",
                Crawl.Request.class).maxBytes(), "no maxBytes in the arguments: the default");
    }

    @Test
    void aSlowBodyRunsIntoTheTimeCap() {
        long start = System.nanoTime();

        assertEquals("timed out after 500 ms", error("/trickle", 500, 0));

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < 2500, "gave up after " + tookMs + " ms, before the body's end at 3000 ms");
    }

    @Test
    void followsARedirectOnTheSameOrigin() throws Exception {
        assertEquals(new Crawl.Page(base + "/to-page", 200, 23, "the page"), get("/to-page", 5000, 0));
    }

    @Test
    void refusesARedirectToAnotherHostAnotherPortOrAnotherScheme() {
        String origin = "follows redirects only within http://127.0.0.1:" + server.getAddress().getPort()
                + " (or to https on the same host)";
        assertEquals("redirect to http://localhost:" + server.getAddress().getPort() + "/page refused: http.fetch "
                + origin, error("/to-localhost", 5000, 0));
        String toPort = error("/to-port", 5000, 0);
        assertTrue(toPort.startsWith("redirect to http://127.0.0.1:") && toPort.endsWith(origin), toPort);
        assertEquals("redirect to file:///etc/passwd refused: only http and https URLs are fetched",
                error("/to-file", 5000, 0));
    }

    @Test
    void stopsAfterFiveRedirects() {
        assertEquals("more than 5 redirects (the last to " + base + "/to-self)", error("/to-self", 5000, 0));
    }
}
