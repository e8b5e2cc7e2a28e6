package io.neuromesh.flows.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A local web server for {@code http.fetch} tests: the JDK's, on loopback, one virtual thread per exchange. */
public final class WebServer {

    private WebServer() {
    }

    /** A server on a free loopback port, not started (add contexts, then {@code start()}). */
    public static HttpServer loopback() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        return server;
    }

    /** {@code http://127.0.0.1:<port>} of a started server. */
    public static String base(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers with an HTML body of known length; a reader that hangs up early (a capped fetch) is fine. */
    public static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException closedByTheReader) {
            // the fetch stopped reading
        }
    }
}
