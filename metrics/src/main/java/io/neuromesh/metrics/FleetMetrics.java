package io.neuromesh.metrics;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.metrics.internal.fleet.FleetMeters;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The fleet's Prometheus metrics, one series per node ({@code node=<id>}), built from the nodes' retained statuses at
 * each scrape: online, topology rev, inputs per second, queue, heap, malformed and dropped inputs. For the dashboard's
 * {@code /metrics}:
 *
 * <pre>{@code
 * FleetMetrics fleet = FleetMetrics.of(client);             // the dashboard's FleetClient
 * config.routes.get("/metrics", ctx -> ctx.contentType(FleetMetrics.CONTENT_TYPE).result(fleet.scrape()));
 * }</pre>
 *
 * <p>Threading: thread-safe; {@link #scrape()} reads the statuses on the calling thread (never blocks on MQTT).
 *
 * @since 0.1
 */
public interface FleetMetrics {

    /** The content type of {@link #scrape()}: the Prometheus text format 0.0.4. */
    String CONTENT_TYPE = EdgeMetrics.CONTENT_TYPE;

    /** The metrics of the nodes {@code client} sees ({@link FleetClient#nodes()}). */
    static FleetMetrics of(FleetClient client) {
        return of(client::nodes);
    }

    /** The metrics of the nodes {@code statuses} returns, by node id; called once per scrape. */
    static FleetMetrics of(Supplier<Map<String, NodeStatus>> statuses) {
        return new FleetMeters(statuses);
    }

    /** Every node's metrics now, in the Prometheus text format ({@link #CONTENT_TYPE}). */
    String scrape();
}
