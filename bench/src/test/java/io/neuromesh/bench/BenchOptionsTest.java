package io.neuromesh.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    @Test
    void defaultsToTheEmbeddedBrokerTheFullModeAndEveryScenario() {
        BenchOptions options = BenchOptions.builder().build();

        assertEquals(List.of("embedded"), options.brokers());
        assertEquals(BenchMode.FULL, options.mode());
        assertTrue(Bench.SCENARIOS.stream().allMatch(options::runs));
        assertEquals("io.neuromesh.cli.Main", options.edgeMainClass());
    }

    @Test
    void runsOnlyTheScenariosNamed() {
        BenchOptions options = BenchOptions.builder().only(Set.of("xor", "floor")).build();

        assertTrue(options.runs("xor"));
        assertTrue(options.runs("floor"));
        assertFalse(options.runs("apply-10k"));
    }

    @Test
    void runsTheSparseScenarioOnlyWhenNamed() {
        assertFalse(BenchOptions.builder().build().runs(Bench.SPARSE));
        assertTrue(BenchOptions.builder().only(Set.of(Bench.SPARSE)).build().runs(Bench.SPARSE));
        assertEquals(List.of(Duration.ofMillis(2)), BenchOptions.builder().build().gaps());
    }

    @Test
    void rejectsAGapThatIsNotPositiveOrTooLong() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.builder().gaps(List.of(Duration.ofMillis(2), Duration.ZERO)).build());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.builder().gaps(List.of(Duration.ofMinutes(1))).build());

        assertEquals("gaps[1]: must be more than 0 and at most 10 s, got PT0S", zero.getMessage());
        assertEquals("gaps[0]: must be more than 0 and at most 10 s, got PT1M", tooLong.getMessage());
    }

    @Test
    void hostsNoIdleNeuronsUnlessAskedAndRejectsANegativeOrHugeCount() {
        assertEquals(0, BenchOptions.builder().build().idleNeurons());
        assertEquals(100_000, BenchOptions.builder().idleNeurons(100_000).build().idleNeurons());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.builder().idleNeurons(-1).build());
        assertEquals("idleNeurons: must be 0 to 1000000, got -1", negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.builder().idleNeurons(1_000_001).build());
    }

    @Test
    void acceptsABareHostAndPortAsABrokerUrl() {
        BenchOptions options = BenchOptions.builder().brokers(List.of("mosquitto", "127.0.0.1:1884")).build();

        assertEquals(List.of("mosquitto", "tcp://127.0.0.1:1884"), options.brokers());
    }

    @Test
    void rejectsAnUnknownScenarioAndListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.builder().only(Set.of("xro")).build());

        assertEquals("only: unknown scenario 'xro'; known: floor, relay-chain, xor, relay-throughput, 100k, "
                + "apply-10k, edge-start, flows-noop, flows-wordcount, sparse", e.getMessage());
    }

    @Test
    void rejectsABrokerThatIsNeitherLocalNorATcpUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.builder().brokers(List.of("embedded", "ws://host:80")).build());

        assertEquals("brokers[1]: must be embedded, mosquitto or tcp://host:port, got 'ws://host:80'", e.getMessage());
    }

    @Test
    void rejectsABrokerListedTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.builder().brokers(List.of("embedded", "embedded")).build());

        assertEquals("brokers[1]: 'embedded' is listed twice", e.getMessage());
    }

    @Test
    void rejectsNoBrokerAtAll() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.builder().brokers(List.of()).build());

        assertEquals("brokers: must name at least one broker (embedded, mosquitto or tcp://host:port)", e.getMessage());
    }
}
