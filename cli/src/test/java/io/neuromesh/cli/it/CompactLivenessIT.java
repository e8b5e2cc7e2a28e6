package io.neuromesh.cli.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.presence.NodeStatusPresence;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import io.neuromesh.testkit.process.MosquittoClients;
import io.neuromesh.topology.Defaults;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A one-shot read of a node above {@link NodeStatusPresence#COMPACT_ABOVE_NEURONS}: its retained status keeps the
 * liveness of its last full status (a malformed input not counted yet), yet {@code neuromesh nodes} shows the count,
 * since it waits for the node's next heartbeat; {@code mosquitto_sub} gets the same by reading the next message.
 */
@Timeout(120)
class CompactLivenessIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** x, and this many neurons with no synapse: above the threshold. */
    private static final int IDLE = NodeStatusPresence.COMPACT_ABOVE_NEURONS;

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aOneShotNodesReadShowsTheFreshLivenessOfANodeAboveTheThreshold(BrokerKind kind) throws Exception {
        MosquittoClients.assumeInstalled();
        try (TestFleet<EdgeRuntime> fleet = TestFleet.builder((NodeStarter<EdgeRuntime>) (node, broker) -> {
            EdgeRuntime runtime = EdgeRuntime.builder().node(node).broker(broker).build();
            runtime.start();
            return runtime;
        }).broker(kind).start()) {
            fleet.start("n1");
            Observer status = fleet.observe(Topics.nodeStatus("n1"));
            fleet.publishTopology(large());
            await().atMost(WAIT).until(() -> status.history().stream().anyMatch(m ->
                    m.payload().contains("\"neuronCount\":" + (IDLE + 1) + ",")));

            fleet.publish(Topics.input("x"), "{\"from\":\"s\",\"value\":\"high\"}".getBytes(StandardCharsets.UTF_8),
                    false);
            // The count goes out with the next heartbeat, compact and not retained.
            await().atMost(WAIT).until(() -> status.history().stream().anyMatch(m ->
                    m.payload().contains("\"neuronsDigest\"") && m.payload().contains("\"malformed\":1,")));

            // What a one-shot subscriber gets first is the retained full status: marked, and without the count.
            try (MosquittoClients.Subscriber sub = MosquittoClients.subscribe(fleet.port(), Topics.nodeStatus("n1"))) {
                String retained = sub.next(WAIT);
                assertNotNull(retained, "a retained status");
                assertTrue(retained.contains("\"heartbeats\":\"compact\"") && retained.contains("\"malformed\":0,"),
                        "the retained status says its liveness may be old, and it is: " + retained);
                // The next message on the topic, within one heartbeat, has it.
                String next = sub.next(WAIT);
                assertNotNull(next, "a heartbeat after the retained status");
                assertTrue(next.contains("\"malformed\":1,"), next);
            }

            String table = InProcessCli.run(fleet.uri(), "nodes");
            assertTrue(table.lines().anyMatch(line -> line.matches("n1 +online +" + (IDLE + 1) + " \\(.* 1 +0")),
                    table);
            assertFalse(table.contains("(no heartbeat)"), table);
            String json = InProcessCli.run(fleet.uri(), "nodes", "--json");
            assertTrue(json.contains("\"malformed\": 1") && json.contains("\"heartbeats\": \"compact\""), json);
        }
    }

    /** {@code s -> x} on n1, and {@link #IDLE} neurons with no synapse on n1. */
    private static byte[] large() {
        List<NeuronSpec> neurons = new ArrayList<>(List.of(NeuronSpec.level("x", "n1", 0.9)));
        for (int i = 0; i < IDLE; i++) {
            neurons.add(NeuronSpec.level("idle" + i, "n1", 0.9));
        }
        return new Topology(1, "large", Defaults.STANDARD, List.of(), List.of(SensorSpec.virtual("s")), neurons,
                List.of(new SynapseSpec("s", "x", 1)), List.of()).toJson().getBytes(StandardCharsets.UTF_8);
    }
}
