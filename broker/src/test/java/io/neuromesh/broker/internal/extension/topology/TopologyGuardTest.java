package io.neuromesh.broker.internal.extension.topology;

import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyGuardTest {

    static byte[] doc(long rev, String node) {
        return ("{\"rev\":" + rev + ",\"neurons\":[{\"id\":\"a\",\"node\":\"" + node + "\",\"threshold\":1}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String shortHash(byte[] document) {
        return Topology.parse(document).shortHash();
    }

    @Test
    void acceptsAnyValidTopologyWhenNothingIsRetainedThenOnlyNewerOnes() {
        TopologyGuard guard = new TopologyGuard();
        guard.adoptRetained(new byte[0]);

        assertTrue(guard.check(doc(3, "n1"), true).allowed());

        Verdict lower = guard.check(doc(1, "n1"), true);
        assertEquals(AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, lower.reasonCode());
        assertEquals("rev 1 is not newer than the retained rev 3 (hash " + shortHash(doc(3, "n1"))
                + "); publish rev 4 or higher", lower.reason());
        assertFalse(guard.check(doc(3, "n2"), true).allowed(), "same rev, other content");
        assertTrue(guard.check(doc(3, "n1"), true).allowed(), "same rev and content again is idempotent");
        assertTrue(guard.check(doc(4, "n2"), true).allowed());
        assertFalse(guard.check(doc(3, "n1"), true).allowed(), "rev 4 is accepted now");
    }

    @Test
    void sameContentInAnotherFormattingIsTheSameDocument() {
        TopologyGuard guard = new TopologyGuard();
        assertTrue(guard.check(doc(2, "n1"), true).allowed());
        byte[] reformatted = "{ \"neurons\": [ { \"node\": \"n1\", \"threshold\": 1.0, \"id\": \"a\" } ],\n  \"rev\": 2 }"
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(guard.check(reformatted, true).allowed());
    }

    @Test
    void adoptsTheRetainedTopologyAtStart() {
        TopologyGuard guard = new TopologyGuard();
        guard.adoptRetained(doc(5, "n1"));
        assertEquals("rev 5 is not newer than the retained rev 5 (hash " + shortHash(doc(5, "n1"))
                + "); publish rev 6 or higher", guard.check(doc(5, "n2"), true).reason());
        assertTrue(guard.check(doc(6, "n2"), true).allowed());
    }

    @Test
    void anInvalidRetainedTopologyIsNotAdopted() {
        TopologyGuard guard = new TopologyGuard();
        guard.adoptRetained("rev 9".getBytes(StandardCharsets.UTF_8));
        assertTrue(guard.check(doc(1, "n1"), true).allowed());
    }

    @Test
    void refusesClearingTheRetainedTopology() {
        Verdict verdict = new TopologyGuard().check(new byte[0], true);
        assertEquals(AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, verdict.reasonCode());
        assertEquals("clearing neuromesh/topology is refused: every node would keep running its last topology while "
                + "new nodes got none; publish a newer rev instead", verdict.reason());
    }

    @Test
    void refusesATopologyThatIsNotRetained() {
        TopologyGuard guard = new TopologyGuard();
        Verdict verdict = guard.check(doc(1, "n1"), false);
        assertFalse(verdict.allowed());
        assertTrue(verdict.reason().startsWith("neuromesh/topology must be published retained"), verdict.reason());
        assertTrue(guard.check(doc(1, "n2"), true).allowed(), "a refused document is not accepted");
    }

    @Test
    void refusesAnInvalidTopologyWithItsErrors() {
        TopologyGuard guard = new TopologyGuard();
        Verdict verdict = guard.check("{\"rev\":1,\"neurons\":[],\"colour\":\"red\"}"
                .getBytes(StandardCharsets.UTF_8), true);
        assertEquals(AckReasonCode.PAYLOAD_FORMAT_INVALID, verdict.reasonCode());
        assertTrue(verdict.reason().startsWith("colour: unknown field"), verdict.reason());
        assertTrue(verdict.reason().endsWith(" (not a valid topology: 1 error)"), verdict.reason());
    }

    @Test
    void aLongErrorListShowsTheFirstErrorsAndTheCount() {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            errors.add("synapses[" + i + "].weight: must be a finite number, got \"NaN\"");
        }
        String reason = TopologyGuard.describe(errors);
        assertTrue(reason.startsWith("synapses[0].weight: must be a finite number, got \"NaN\"; synapses[1]"), reason);
        assertTrue(reason.matches(".* \\(not a valid topology: 50 errors, \\d+ shown\\)"), reason);
        assertTrue(reason.length() < Verdict.MAX_REASON_LENGTH, reason);
    }

    @Test
    void oneHugeErrorIsCut() {
        String reason = TopologyGuard.describe(List.of("x".repeat(2000)));
        assertTrue(reason.endsWith("... (not a valid topology: 1 error)"), reason);
        assertTrue(reason.length() < Verdict.MAX_REASON_LENGTH, reason);
    }

    @Test
    void concurrentPublishesOfTheSameRevWithDifferentContentCannotBothPass() throws Exception {
        for (int round = 0; round < 50; round++) {
            TopologyGuard guard = new TopologyGuard();
            guard.adoptRetained(doc(1, "n1"));
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Boolean>> publishes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String node = "n" + (i + 2);
                publishes.add(() -> {
                    go.await();
                    return guard.check(doc(2, node), true).allowed();
                });
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(publishes.size())) {
                List<Future<Boolean>> results = new ArrayList<>();
                publishes.forEach(p -> results.add(pool.submit(p)));
                go.countDown();
                long passed = 0;
                for (Future<Boolean> result : results) {
                    passed += result.get() ? 1 : 0;
                }
                assertEquals(1, passed, "exactly one rev 2 may pass in round " + round);
            }
        }
    }
}
