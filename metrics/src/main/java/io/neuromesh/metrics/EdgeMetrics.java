package io.neuromesh.metrics;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.metrics.internal.edge.EdgeMeters;

/**
 * The Prometheus metrics of one edge runtime (Micrometer's Prometheus registry): its counters, inbox depth, hop latency
 * histogram, topology rev, MQTT reconnects, and the JVM's memory, GC, threads, CPU and uptime. Every meter carries the
 * tag {@code node=<id>}. docs/observability.md lists them.
 *
 * <p>Threading: thread-safe. The hop latency is recorded on the runtime's brain thread; everything else is read when
 * scraped.
 *
 * @since 0.1
 */
public interface EdgeMetrics extends AutoCloseable {

    /** The content type of {@link #scrape()}: the Prometheus text format 0.0.4. */
    String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Binds the metrics of {@code runtime} (started or not) and starts recording its hop latency. */
    static EdgeMetrics bind(EdgeRuntime runtime) {
        return new EdgeMeters(runtime);
    }

    /** Every metric now, in the Prometheus text format ({@link #CONTENT_TYPE}). Asks the brain thread for the rev. */
    String scrape();

    /** Stops recording hop latencies and releases the JVM meters (idempotent). */
    @Override
    void close();
}
