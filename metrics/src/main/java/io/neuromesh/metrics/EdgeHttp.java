package io.neuromesh.metrics;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.metrics.internal.http.EdgeServer;

/**
 * The HTTP endpoints of an edge node ({@code neuromesh edge --http-port P}): {@code GET /metrics} (Prometheus text) and
 * {@code GET /health} (200 and {@code {"status":"ok",...}} when connected and running a topology without problem; 503
 * and {@code {"status":"unhealthy","problem":"..."}} otherwise). Served by Javalin on its own threads, never an MQTT
 * callback thread.
 *
 * @since 0.1
 */
public interface EdgeHttp extends AutoCloseable {

    /** Default bind address: this machine only. */
    String DEFAULT_BIND = "127.0.0.1";

    /**
     * Serves {@code runtime}'s endpoints; returns once it listens.
     *
     * @param bind the address to listen on ({@link #DEFAULT_BIND}, or {@code 0.0.0.0} for every interface)
     * @param port the TCP port; 0 picks a free one ({@link #port()} tells which)
     * @throws IllegalStateException when the port cannot be bound (the message names the address)
     */
    static EdgeHttp start(EdgeRuntime runtime, EdgeMetrics metrics, String bind, int port) {
        return EdgeServer.start(runtime, metrics, bind, port);
    }

    /** The port it listens on. */
    int port();

    /** Stops serving (idempotent). */
    @Override
    void close();
}
