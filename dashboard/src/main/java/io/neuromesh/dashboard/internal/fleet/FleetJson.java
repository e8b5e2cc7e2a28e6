package io.neuromesh.dashboard.internal.fleet;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.flows.WorkerStatus;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Fleet page's data: the broker connection, every node's status and every task worker's heartbeat. */
final class FleetJson {

    private FleetJson() {
    }

    /** @param silent the workers the flow client counts silent: their state shows as {@code silent} */
    static JsonObject of(URI broker, BrokerState state, Map<String, NodeStatus> statuses,
                         List<WorkerStatus> workers, Set<String> silent) {
        JsonObject fleet = new JsonObject();
        JsonObject link = new JsonObject();
        link.addProperty("uri", broker.toString());
        link.addProperty("connected", state.connected());
        link.addProperty("problem", state.problem());
        fleet.add("broker", link);
        // Only the statuses matter here: which hash the fleet converges to (the online node with the highest rev).
        FleetTopology now = new FleetTopology(statuses, Optional.empty(), Optional.empty(), Map.of());
        String fleetHash = now.leader().map(NodeStatus::hash).orElse("");
        fleet.addProperty("hash", fleetHash);
        fleet.add("nodes", nodes(statuses.values(), fleetHash));
        fleet.add("workers", workers(workers, silent));
        return fleet;
    }

    private static JsonArray nodes(Collection<NodeStatus> statuses, String fleetHash) {
        JsonArray nodes = new JsonArray();
        statuses.stream().sorted(Comparator.comparing(NodeStatus::node)).forEach(s -> {
            JsonObject node = new JsonObject();
            node.addProperty("node", s.node());
            node.addProperty("state", s.state().wireName());
            node.addProperty("lastSeenMs", s.timestamp().toEpochMilli());
            JsonArray neurons = new JsonArray();
            s.neurons().forEach(neurons::add);
            node.add("neurons", neurons);
            node.addProperty("rev", s.rev());
            node.addProperty("hash", s.hash());
            node.addProperty("otherHash", s.online() && !s.hash().equals(fleetHash));
            s.running().ifPresent(r -> {
                node.addProperty("inputsPerSecond", r.inputsPerSecond());
                node.addProperty("queue", r.queue());
                node.addProperty("heapUsedMb", r.heapUsedMb());
                node.addProperty("heapMaxMb", r.heapMaxMb());
                node.addProperty("malformed", r.malformed());
                node.addProperty("dropped", r.dropped());
                node.addProperty("problem", r.topologyProblem().orElse(""));
            });
            node.addProperty("reason", s.reason().orElse(""));
            node.addProperty("reportedBy", s.reportedBy().orElse(""));
            nodes.add(node);
        });
        return nodes;
    }

    private static JsonArray workers(List<WorkerStatus> statuses, Set<String> silent) {
        JsonArray workers = new JsonArray();
        statuses.stream().sorted(Comparator.comparing(WorkerStatus::worker)).forEach(w -> {
            JsonObject worker = new JsonObject();
            worker.addProperty("worker", w.worker());
            worker.addProperty("state", silent.contains(w.worker()) ? "silent"
                    : w.state().name().toLowerCase(java.util.Locale.ROOT));
            worker.addProperty("queues", String.join(" ", w.queues()));
            worker.addProperty("concurrency", w.concurrency());
            worker.addProperty("processed", w.stats().processed());
            worker.addProperty("failed", w.stats().failed());
            worker.addProperty("retried", w.stats().retried());
            worker.addProperty("running", w.stats().running());
            worker.addProperty("queued", w.stats().queued());
            worker.addProperty("p50Ms", millis(w.stats().p50()));
            worker.addProperty("p95Ms", millis(w.stats().p95()));
            worker.addProperty("p99Ms", millis(w.stats().p99()));
            worker.addProperty("lastSeenMs", w.timestamp().toEpochMilli());
            workers.add(worker);
        });
        return workers;
    }

    private static double millis(Duration duration) {
        return duration == null ? 0 : duration.toNanos() / 1e6;
    }
}
