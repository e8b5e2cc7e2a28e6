package io.neuromesh.metrics.internal.fleet;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.metrics.FleetMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link FleetMetrics} as multi-gauges refreshed from the statuses at each scrape: a node that appears gets its
 * series, one that is forgotten loses them. Offline nodes have only {@code neuromesh_node_online 0}.
 */
public final class FleetMeters implements FleetMetrics {

    private static final double MIB = 1024 * 1024;

    /** One per-node gauge: its meter and what it reads from a live node's {@link NodeStatus.Running}. */
    private record NodeGauge(MultiGauge gauge, Function<NodeStatus.Running, Double> value) {
    }

    private final Supplier<Map<String, NodeStatus>> statuses;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MultiGauge online;
    private final List<NodeGauge> gauges = new ArrayList<>();

    public FleetMeters(Supplier<Map<String, NodeStatus>> statuses) {
        this.statuses = statuses;
        this.online = MultiGauge.builder("neuromesh.node.online").description("1 when the node is online, else 0")
                .register(registry);
        gauge("neuromesh.node.rev", null, "rev of the topology the node runs (0: none)", r -> (double) r.rev());
        gauge("neuromesh.node.inputs.per.second", null, "inputs the node processed per second (last heartbeat)",
                NodeStatus.Running::inputsPerSecond);
        gauge("neuromesh.node.queue", null, "inputs waiting in the node's inboxes", r -> (double) r.queue());
        gauge("neuromesh.node.heap.used", "bytes", "heap in use", r -> r.heapUsedMb() * MIB);
        gauge("neuromesh.node.heap.max", "bytes", "maximum heap", r -> r.heapMaxMb() * MIB);
        gauge("neuromesh.node.inputs.malformed", null, "malformed inputs the node dropped since it started",
                r -> (double) r.malformed());
        gauge("neuromesh.node.inputs.dropped", null, "inputs the node dropped since it started (inbox full)",
                r -> (double) r.dropped());
    }

    private void gauge(String name, String unit, String description, Function<NodeStatus.Running, Double> value) {
        gauges.add(new NodeGauge(MultiGauge.builder(name).baseUnit(unit).description(description).register(registry),
                value));
    }

    /** Synchronized: two scrapes at once would interleave their row updates. */
    @Override
    public synchronized String scrape() {
        Map<String, NodeStatus> nodes = Map.copyOf(statuses.get());
        List<MultiGauge.Row<?>> onlineRows = new ArrayList<>();
        nodes.forEach((node, status) -> onlineRows.add(MultiGauge.Row.of(Tags.of("node", node),
                status.online() ? 1 : 0)));
        online.register(onlineRows, true);
        for (NodeGauge g : gauges) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            nodes.forEach((node, status) -> status.running().ifPresent(running ->
                    rows.add(MultiGauge.Row.of(Tags.of("node", node), g.value().apply(running)))));
            g.gauge().register(rows, true);
        }
        return registry.scrape();
    }
}
