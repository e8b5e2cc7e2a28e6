package io.neuromesh.cli.internal.fleet;

import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.topology.Topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fleet states for unit tests: topologies, node statuses running them, and what a read of the broker found. */
public final class Fleets {

    private Fleets() {
    }

    /** A topology of one neuron {@code a} on n1 with this threshold, and a neuron {@code b} on n2. */
    public static Topology network(long rev, double threshold) {
        return Topology.parse("{\"rev\":" + rev + ",\"name\":\"t\",\"neurons\":[{\"id\":\"a\",\"node\":\"n1\","
                + "\"threshold\":" + threshold + "},{\"id\":\"b\",\"node\":\"n2\",\"threshold\":1}]}");
    }

    public static byte[] bytes(Topology t) {
        return t.toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** An online node running {@code t} (or nothing when null), with these refused-input counts. */
    public static NodeStatus online(String node, Topology t, long malformed, long dropped, String problem) {
        return NodeStatus.live(NodeState.ONLINE, node, List.of(), Instant.ofEpochMilli(1_000),
                new NodeStatus.Running("i-" + node, t == null ? 0 : t.rev(), t == null ? "" : t.contentHash(),
                        Instant.ofEpochMilli(500), 0, 0, 10, 100, malformed, dropped, Optional.ofNullable(problem)));
    }

    public static NodeStatus online(String node, Topology t) {
        return online(node, t, 0, 0, null);
    }

    /**
     * What a read found: these statuses, {@code retained} on the topology topic (null: none), this history (null:
     * none), and the documents of {@code known} topologies.
     */
    public static FleetTopology fleet(List<NodeStatus> nodes, Topology retained, AppliedHistory history,
                                      Topology... known) {
        Map<String, NodeStatus> byNode = new HashMap<>();
        nodes.forEach(s -> byNode.put(s.node(), s));
        Map<String, Topology> documents = new HashMap<>();
        for (Topology t : known) {
            documents.put(t.contentHash(), t);
        }
        if (retained != null) {
            documents.put(retained.contentHash(), retained);
        }
        return new FleetTopology(byNode, Optional.ofNullable(retained).map(Fleets::bytes),
                Optional.ofNullable(history), documents);
    }

    /** One applied revision of {@code t}, on n1 and n2. */
    public static AppliedHistory.Revision revision(Topology t) {
        return new AppliedHistory.Revision(t.rev(), t.contentHash(), t.name(), Instant.ofEpochMilli(2_000),
                List.of("n1", "n2"));
    }
}
