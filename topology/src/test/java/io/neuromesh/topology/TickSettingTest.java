package io.neuromesh.topology;

import static io.neuromesh.topology.Docs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The top-level {@code tickMs}: absent or 0 keeps the eager network, a positive value makes it discrete-time. */
@Timeout(10)
class TickSettingTest {

    @Test
    void absentOrZeroMeansNoTicks() {
        assertEquals(Duration.ZERO, parse("{'rev':1,'neurons':[]}").tick());
        assertFalse(parse("{'rev':1,'tickMs':0,'neurons':[]}").isTicked());
    }

    @Test
    void readsThePositiveTickInMilliseconds() {
        Topology topology = parse("{'rev':1,'tickMs':50,'neurons':[]}");
        assertEquals(Duration.ofMillis(50), topology.tick());
        assertTrue(topology.isTicked());
        assertEquals(Duration.ofMinutes(1), parse("{'rev':1,'tickMs':60000,'neurons':[]}").tick());
        assertEquals(Duration.ofMillis(20), parse("{'rev':1,'tickMs':20.0,'neurons':[]}").tick());
    }

    @Test
    void writesTheTickAfterTheNameOnlyWhenSetSoThatOlderDocumentsKeepTheirHash() {
        assertEquals("{\"rev\":1,\"name\":\"t\",\"tickMs\":50,\"defaults\":", parse(
                "{'rev':1,'neurons':[],'tickMs':50,'name':'t'}").toJson().substring(0, 43));
        Topology eager = parse("{'rev':1,'neurons':[]}");
        assertEquals(eager.contentHash(), parse("{'rev':1,'tickMs':0,'neurons':[]}").contentHash());
        assertNotEquals(eager.contentHash(), parse("{'rev':1,'tickMs':10,'neurons':[]}").contentHash());
        Topology ticked = parse("{'rev':1,'tickMs':10,'neurons':[]}");
        assertEquals(ticked, Topology.parse(ticked.toJson()));
    }

    @Test
    void theOlderConstructorBuildsAnEagerTopology() {
        assertEquals(Duration.ZERO, new Topology(1, null, Defaults.STANDARD, List.of(), List.of(), List.of(), List.of(),
                List.of()).tick());
    }

    @Test
    void aChangedTickIsADifferenceThatTheDiffDescribesFirst() {
        Topology eager = parse("{'rev':1,'neurons':[{'id':'a','threshold':1}]}");
        Topology ticked = parse("{'rev':2,'tickMs':50,'neurons':[{'id':'a','threshold':2}]}");
        TopologyDiff diff = TopologyDiff.between(eager, ticked);
        assertFalse(diff.isEmpty());
        assertEquals(List.of("~ tickMs 0 -> 50", "~ neuron a: threshold 1.0 -> 2.0"), diff.describe());
        assertTrue(TopologyDiff.between(ticked, ticked.withRev(9)).isEmpty());
        assertEquals(Duration.ofMillis(50), ticked.withRev(9).tick());
    }

    static Stream<Arguments> invalidTicks() {
        String rule = "tick: must be a whole number of milliseconds from 0 (no ticks) to 60000 ms, got ";
        return Stream.of(
                Arguments.of(Duration.ofMillis(-1), rule + "PT-0.001S"),
                Arguments.of(Duration.ofMillis(60_001), rule + "PT1M0.001S"),
                Arguments.of(Duration.ofNanos(1_500_000), rule + "PT0.0015S"),
                Arguments.of(null, "tick: must not be null; use Duration.ZERO for no ticks"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidTicks")
    void theRecordRefusesATickThatIsNotWholeMillisecondsUpToAMinute(Duration tick, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> new Topology(1, null,
                Defaults.STANDARD, List.of(), List.of(), List.of(), List.of(), List.of(), tick)).getMessage());
    }
}
