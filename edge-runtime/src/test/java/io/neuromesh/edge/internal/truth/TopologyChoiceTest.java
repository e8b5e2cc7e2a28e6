package io.neuromesh.edge.internal.truth;

import io.neuromesh.edge.internal.truth.TopologyChoice.Source;
import io.neuromesh.topology.TopologyVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rule over the running (local) topology L, the retained one T and the fleet's applied history H. */
class TopologyChoiceTest {

    private static final String DOC = """
            {"rev":%d,"defaults":{"threshold":%s},"neurons":[{"id":"a"}]}""";

    /** A valid retained topology of {@code rev}; {@code variant} changes its content (and so its hash). */
    private static RetainedTopology.Valid retained(long rev, String variant) {
        return (RetainedTopology.Valid) RetainedTopology.of(
                DOC.formatted(rev, "a".equals(variant) ? "0.9" : "0.8").getBytes(StandardCharsets.UTF_8));
    }

    private static TopologyVersion version(long rev, String variant) {
        return retained(rev, variant).version();
    }

    private static Optional<TopologyVersion> parse(String cell) {
        if (cell.equals("-")) {
            return Optional.empty();
        }
        return Optional.of(version(Long.parseLong(cell.substring(0, cell.length() - 1)), cell.substring(cell.length() - 1)));
    }

    /** Cells: rev then content variant ("2a": rev 2, content a); "-": none. */
    @ParameterizedTest(name = "L {0}, T {1}, H {2} -> {3}")
    @CsvSource({
            // Highest rev wins.
            "-,  1a, -,  RETAINED",
            "1a, 2a, -,  RETAINED",
            "2a, 1a, -,  KEEP",
            "1a, 1a, -,  KEEP",
            "1a, 2a, 3b, APPLIED",
            "3a, 2a, 1a, KEEP",
            "-,  -,  1a, APPLIED",
            "-,  -,  -,  KEEP",
            // Equal rev, different content: the history, then the local copy, then the retained one.
            "1a, 1b, -,  KEEP",
            "1a, 1b, 1b, APPLIED",
            "-,  1b, 1a, APPLIED",
            "1a, 1b, 1a, KEEP",
            "2a, 1b, 2b, APPLIED",
            // A retained topology equal to the history's newest is newer than what runs: either source is it.
            "1a, 2a, 2a, APPLIED",
    })
    void theHighestRevRunsAndAtEqualRevTheHistoryThenTheLocalCopyThenTheRetainedOne(String local, String t,
                                                                                     String history, Source expected) {
        RetainedTopology retained = t.equals("-") ? RetainedTopology.NONE
                : retained(Long.parseLong(t.substring(0, 1)), t.substring(1));
        assertEquals(expected, TopologyChoice.choose(parse(local), retained, parse(history)));
    }

    @Test
    void anInvalidOrClearedRetainedTopologyNeverRuns() {
        RetainedTopology invalid = RetainedTopology.of("{\"rev\":9}".getBytes(StandardCharsets.UTF_8));
        assertEquals(9, ((RetainedTopology.Invalid) invalid).rev());
        assertEquals(Source.KEEP, TopologyChoice.choose(Optional.of(version(1, "a")), invalid, Optional.empty()));
        assertEquals(Source.KEEP, TopologyChoice.choose(Optional.empty(), RetainedTopology.of(new byte[0]),
                Optional.empty()));
    }

    @Test
    void theProblemSaysWhatTheBrokerHoldsAndWhatTheNodeKeeps() {
        TopologyVersion running = version(2, "a");
        String h = running.shortHash();
        assertEquals(Optional.empty(), TopologyChoice.problem(Optional.of(running), retained(2, "a"), Optional.empty(),
                List.of()), "it runs what is retained");
        assertEquals(Optional.of("the retained topology rev 1 (hash " + version(1, "b").shortHash() + ") is not newer"
                        + " than the running rev 2 (hash " + h + "); the broker's copy differs from what this node runs"),
                TopologyChoice.problem(Optional.of(running), retained(1, "b"), Optional.empty(), List.of()));
        assertEquals(Optional.of("the retained topology rev 2 (hash " + version(2, "b").shortHash() + ") is not newer"
                        + " than the running rev 2 (hash " + h + "); the broker's copy differs from what this node runs,"
                        + " which is what the fleet applied"),
                TopologyChoice.problem(Optional.of(running), retained(2, "b"), Optional.of(running), List.of()));
        assertEquals(Optional.of("the retained topology is not valid (rev: missing; 1 more error(s)); this node keeps"
                        + " rev 2 (hash " + h + ")"),
                TopologyChoice.problem(Optional.of(running), new RetainedTopology.Invalid(0, List.of("rev: missing",
                        "neurons: missing")), Optional.empty(), List.of()));
        assertEquals(Optional.of("the retained topology was cleared; this node keeps rev 2 (hash " + h + ")"),
                TopologyChoice.problem(Optional.of(running), RetainedTopology.of(new byte[0]), Optional.empty(),
                        List.of()));
        assertEquals(Optional.of("nothing is retained on neuromesh/topology; this node keeps rev 2 (hash " + h + ")"),
                TopologyChoice.problem(Optional.of(running), RetainedTopology.NONE, Optional.empty(), List.of()));
        assertEquals(Optional.of("the retained topology rev 3 (hash " + version(3, "a").shortHash() + ") was refused"
                        + " (pins: 17 is busy); this node keeps rev 2 (hash " + h + ")"),
                TopologyChoice.problem(Optional.of(running), retained(3, "a"), Optional.empty(),
                        List.of("pins: 17 is busy")));
    }

    @Test
    void aNodeWithoutAnyValidTopologySaysWhy() {
        assertEquals(Optional.empty(), TopologyChoice.problem(Optional.empty(), RetainedTopology.NONE,
                Optional.empty(), List.of()), "a fleet nothing was published to yet has no problem");
        TopologyVersion applied = version(4, "a");
        assertEquals(Optional.of("no valid topology: the retained topology is not valid (neurons: missing); the"
                        + " document of the fleet's applied " + applied + " could not be read from"
                        + " neuromesh/topology/history/4"),
                TopologyChoice.problem(Optional.empty(), new RetainedTopology.Invalid(4, List.of("neurons: missing")),
                        Optional.of(applied), List.of()));
    }

    @Test
    void aRejectedRetainedTopologyTellsThePublisherToRaiseTheRev() {
        assertEquals(List.of("rev: 1 is not newer than the running rev 2; publish it with a higher rev"),
                TopologyChoice.rejection(Optional.of(version(2, "a")), retained(1, "a"), List.of()));
        assertEquals(List.of("pins: 17 is busy"),
                TopologyChoice.rejection(Optional.of(version(2, "a")), retained(3, "a"), List.of("pins: 17 is busy")));
    }
}
