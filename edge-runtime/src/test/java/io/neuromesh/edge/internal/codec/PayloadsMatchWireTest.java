package io.neuromesh.edge.internal.codec;

import io.neuromesh.edge.RuntimeStats;
import io.neuromesh.edge.internal.hosting.ApplyResult;
import io.neuromesh.edge.internal.presence.Heartbeat;
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.edge.wire.TopologyResultCodec;
import io.neuromesh.edge.wire.WireFormatException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The wire codecs write exactly what {@link Payloads} writes today, with {@code "v":1} first, so that the runtime can
 * switch to them without any reader noticing. Each legacy payload is decoded and encoded again (which also carries
 * over its {@code ts}, taken from the clock inside Payloads). Delete this test with Payloads' writers.
 */
class PayloadsMatchWireTest {

    private static String versioned(byte[] legacy) {
        return "{\"v\":1," + new String(legacy, StandardCharsets.UTF_8).substring(1);
    }

    @Test
    void liveStatusesMatchByteForByte() throws WireFormatException {
        for (String state : List.of("online", "leaving")) {
            byte[] legacy = Payloads.status(state, "n1", "6c1c4b36-1f0e", List.of("x", "y"), 3, "1a26a146d8e3e53b",
                    1_767_225_500_000L, new RuntimeStats(10, 2, 0, 4, 4, 1, 1, 0),
                    new Heartbeat.Load(12.5, 7, 31, 6028));
            assertEquals(versioned(legacy),
                    new String(NodeStatusCodec.encode(NodeStatusCodec.decode(legacy)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aNodeWithoutTopologyMatchesByteForByte() throws WireFormatException {
        byte[] legacy = Payloads.status("online", "n1", "i", List.of(), 0, "", 0,
                new RuntimeStats(0, 0, 0, 0, 0, 0, 0, 0), new Heartbeat.Load(0, 0, 1, 2));
        assertEquals(versioned(legacy),
                new String(NodeStatusCodec.encode(NodeStatusCodec.decode(legacy)), StandardCharsets.UTF_8));
    }

    @Test
    void offlineStatusesMatchByteForByte() throws WireFormatException {
        for (String reason : List.of("connection lost", "shutdown")) {
            byte[] legacy = Payloads.offline("n1", reason);
            assertEquals(versioned(legacy),
                    new String(NodeStatusCodec.encode(NodeStatusCodec.decode(legacy)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void topologyResultsMatchByteForByte() throws WireFormatException {
        for (ApplyResult result : List.of(
                new ApplyResult(2, ApplyResult.Kind.APPLIED, "1a26", 2, List.of("x", "h1"), List.of()),
                new ApplyResult(3, ApplyResult.Kind.REJECTED, "1a26", 2, List.of("x"),
                        List.of("rev: 3 \"quoted\" <html> & \\ ünïcode")),
                new ApplyResult(0, ApplyResult.Kind.REJECTED, "", 0, List.of(), List.of("not JSON")),
                new ApplyResult(2, ApplyResult.Kind.UNCHANGED, "1a26", 2, List.of(), List.of()))) {
            byte[] legacy = Payloads.topologyResult(result);
            assertEquals(versioned(legacy),
                    new String(TopologyResultCodec.encode(TopologyResultCodec.decode(legacy)), StandardCharsets.UTF_8));
        }
    }
}
