package io.neuromesh.edge.it;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResult;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The XOR brain on three runtimes, on the embedded HiveMQ CE and on a real Mosquitto process. */
@Timeout(120)
class XorIT {

    private static final int[][] STATES = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void allTwelveTransitionsEndWithZEqualToXorOfXAndY(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind); XorFleet fleet = new XorFleet(broker.uri())) {
            fleet.applyOk(XorFleet.xorTopology(), 1);
            assertEquals(Map.of("n1", 2, "n2", 2, "n3", 2), Map.of(
                    "n1", fleet.runtime("n1").hostedNeurons().size(), "n2", fleet.runtime("n2").hostedNeurons().size(),
                    "n3", fleet.runtime("n3").hostedNeurons().size()));
            fleet.prime();
            int transitions = 0;
            for (int[] from : STATES) {
                for (int[] to : STATES) {
                    if (from == to) {
                        continue;
                    }
                    fleet.expect(from[0], from[1], from[0] ^ from[1]);
                    fleet.expect(to[0], to[1], to[0] ^ to[1]);
                    transitions++;
                }
            }
            assertEquals(12, transitions);
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aWeightFlipChangesTheFunctionLiveAndARejectedTopologyKeepsTheOldOne(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind); XorFleet fleet = new XorFleet(broker.uri())) {
            fleet.applyOk(XorFleet.xorTopology(), 1);
            fleet.prime();
            fleet.expect(1, 1, 0);

            // rev 2: h2 -> z weight -2 becomes +1: z = OR(x, y). With x = y = 1 already set, z turns 1 by itself.
            String or = new String(XorFleet.xorTopology(), StandardCharsets.UTF_8)
                    .replaceFirst("\"rev\"\\s*:\\s*1", "\"rev\": 2")
                    .replaceFirst("(\"from\"\\s*:\\s*\"h2\"\\s*,\\s*\"to\"\\s*:\\s*\"z\"\\s*,\\s*\"weight\"\\s*:\\s*)-2", "$11");
            fleet.applyOk(or.getBytes(StandardCharsets.UTF_8), 2);
            assertTrue(fleet.outputs.awaitSettled("z", 1, XorFleet.QUIET, XorFleet.TIMEOUT), "z = OR(1, 1) = 1");
            fleet.expect(1, 0, 1);
            fleet.expect(0, 0, 0);

            // rev 3 names a synapse to an unknown neuron: every node rejects it and keeps running rev 2.
            String bad = or.replaceFirst("\"rev\": 2", "\"rev\": 3").replaceFirst("\"to\"\\s*:\\s*\"h3\"", "\"to\": \"h9\"");
            Map<String, TopologyResult> reports = fleet.apply(bad.getBytes(StandardCharsets.UTF_8), 3);
            assertEquals(3, reports.size(), reports.toString());
            for (TopologyResult report : reports.values()) {
                assertEquals(TopologyOutcome.REJECTED, report.result());
                assertTrue(report.errors().stream().anyMatch(e -> e.contains("h9")), report.errors().toString());
            }
            assertEquals(2, fleet.runtime("n3").rev());
            fleet.expect(1, 1, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void runtimesReconnectResubscribeAndStillComputeXorAfterABrokerRestart(BrokerKind kind) throws Exception {
        Path data = java.nio.file.Files.createTempDirectory("neuromesh-restart");
        try (TestBroker broker = TestBrokers.persistent(kind, data); XorFleet fleet = new XorFleet(broker.uri())) {
            fleet.applyOk(XorFleet.xorTopology(), 1);
            fleet.prime();
            fleet.expect(0, 1, 1);
            broker.restart();
            fleet.runtimes.forEach(r -> r.awaitOnline(XorFleet.TIMEOUT));
            for (int[] state : STATES) {
                fleet.expect(state[0], state[1], state[0] ^ state[1]);
            }
            fleet.expect(1, 0, 1);
        }
    }
}
