package io.neuromesh.cli.internal.fleet;

import io.neuromesh.edge.FleetTopology;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.neuromesh.cli.internal.fleet.Fleets.fleet;
import static io.neuromesh.cli.internal.fleet.Fleets.network;
import static io.neuromesh.cli.internal.fleet.Fleets.online;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retained document as a read of the fleet sees it: parsed once, however often it is asked for. */
class FleetTopologyTest {

    @Test
    void theRetainedDocumentIsParsedOnceAndAnsweredFromThatParse() {
        Topology running = network(3, 1);
        FleetTopology fleet = fleet(List.of(online("n1", running), online("n2", running)), running, null);
        Topology first = fleet.retainedTopology().orElseThrow();
        assertSame(first, fleet.retainedTopology().orElseThrow(), "a second call parses again");
        assertEquals(running, first);
        assertEquals(3, fleet.rev());
        assertTrue(fleet.retainedIsRunning());
        assertEquals(Optional.empty(), fleet.retainedProblem());
    }

    @Test
    void theSameReadWithItsHistoryAndDocumentsKeepsTheParse() {
        Topology running = network(3, 1);
        FleetTopology read = fleet(List.of(online("n1", running)), running, null);
        Topology parsed = read.retainedTopology().orElseThrow();
        FleetTopology completed = read.with(Optional.empty(), Map.of(running.contentHash(), running));
        assertSame(parsed, completed.retainedTopology().orElseThrow());
        assertSame(read.retained().orElseThrow(), completed.retained().orElseThrow());
        assertEquals(read.nodes(), completed.nodes());
        assertEquals(Map.of(running.contentHash(), running), completed.documents());
        assertEquals(running, completed.running().orElseThrow());
    }

    @Test
    void anInvalidRetainedPayloadHasItsFirstErrorAndNoTopology() {
        FleetTopology fleet = new FleetTopology(Map.of(),
                Optional.of("{\"rev\":2,\"neurons\":[{\"id\":\"a\",\"threshold\":\"x\"}]}"
                        .getBytes(StandardCharsets.UTF_8)), Optional.empty(), Map.of());
        assertEquals(Optional.empty(), fleet.retainedTopology());
        assertTrue(fleet.retainedProblem().orElseThrow().startsWith("neurons[0].threshold:"),
                fleet.retainedProblem().toString());
        assertEquals(0, fleet.rev());
        assertFalse(fleet.retainedIsRunning());
    }

    @Test
    void anEmptyRetainedPayloadIsNoTopologyAndNoProblem() {
        FleetTopology fleet = new FleetTopology(Map.of(), Optional.of(new byte[0]), Optional.empty(), Map.of());
        assertEquals(Optional.empty(), fleet.retainedTopology());
        assertEquals(Optional.empty(), fleet.retainedProblem());
    }

    @Test
    void itsTextSaysWhatTheNodesRunAndWhatIsRetained() {
        Topology old = network(1, 1);
        Topology running = network(2, 1);
        FleetTopology fleet = fleet(List.of(online("n1", running), online("n2", old)), running, null);
        assertEquals("{rev 1 (hash " + old.shortHash() + ")=[n2], rev 2 (hash " + running.shortHash() + ")=[n1]},"
                + " retained rev 2 (hash " + running.shortHash() + ")", fleet.toString());
        assertEquals("{}, nothing retained",
                new FleetTopology(Map.of(), Optional.empty(), Optional.empty(), Map.of()).toString());
    }
}
