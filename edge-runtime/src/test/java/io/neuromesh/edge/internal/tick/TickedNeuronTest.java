package io.neuromesh.edge.internal.tick;

import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.topology.NeuronMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One neuron in discrete time on a manual clock: when a tick completes, lateness, and the timeout. */
@Timeout(10)
class TickedNeuronTest {

    private static final TickTime TIME = TickTime.of(Duration.ofMillis(100));
    private static final long TICK = 100_000;
    private static final long T0 = 1_767_225_600_000_000L;
    private static final long K = TIME.tickOf(T0);

    /** {@code a} and {@code b} (upstream neurons) into an AND. */
    private static TickedNeuron and() {
        Neuron neuron = new Neuron("and", NeuronMode.LEVEL, 1.5, Duration.ofMillis(500), Duration.ofMillis(100),
                Map.of("a", 1.0, "b", 1.0), 16);
        return new TickedNeuron(neuron, TIME, List.of("a", "b"), false, T0);
    }

    @Test
    void theGridIsEpochBasedAndATickClosesOneTickAfterItEnds() {
        assertEquals(T0, TIME.startMicros(K));
        assertEquals(K, TIME.tickOf(T0 + TICK - 1));
        assertEquals(T0 + 2 * TICK, TIME.closesAt(K));
        assertEquals(K, TIME.lastClosed(T0 + 2 * TICK));
        assertEquals(K - 1, TIME.lastClosed(T0 + 2 * TICK - 1));
        assertEquals(T0 + TICK + 1_000_000, TIME.timeoutAt(K), "10 ticks are less than the 1 s minimum");
        assertEquals(Duration.ofSeconds(5), TickTime.of(Duration.ofMillis(500)).timeout());
    }

    @Test
    void aTickCompletesOnceEveryUpstreamNeuronReportedItAndTheOutputChangesOnce() {
        TickedNeuron and = and();
        and.input("a", 1, K, T0);
        assertEquals(List.of(), and.advance(T0 + 10 * TICK), "b has not reported the tick");
        and.input("b", 1, K, T0);
        List<TickedNeuron.Settled> settled = and.advance(T0 + 10 * TICK);
        assertEquals(List.of(new TickedNeuron.Settled(K, 1, true, false, true, List.of())), settled);
        assertEquals(K, and.completed());
    }

    @Test
    void aProgressNoteCompletesTheTickWithoutAValue() {
        TickedNeuron and = and();
        and.input("a", 1, K, T0);
        and.progress("b", K + 3);
        assertEquals(List.of(new TickedNeuron.Settled(K, 0, false, false, true, List.of())), and.advance(T0));
        assertEquals(K, and.progress(T0), "a has reported up to K only");
    }

    @Test
    void aSilentUpstreamNeuronIsGivenUpOnAtTheTimeoutThenNotWaitedForUntilItSpeaks() {
        TickedNeuron and = and();
        and.input("a", 1, K, T0);
        assertEquals(List.of(), and.advance(TIME.timeoutAt(K) - 1));
        assertEquals(TIME.timeoutAt(K), and.nextDeadline(T0));
        List<TickedNeuron.Settled> settled = and.advance(TIME.timeoutAt(K));
        assertEquals(List.of("b"), settled.getFirst().gaveUpOn());
        assertEquals(1, and.timeouts());
        and.input("a", 0, K + 1, T0 + TICK);
        assertEquals(1, and.advance(T0 + TICK).size(), "b is silent: the next tick does not wait for it");
        and.input("b", 1, K + 5, T0 + 5 * TICK);
        and.input("a", 1, K + 5, T0 + 5 * TICK);
        assertEquals(1, and.advance(T0 + 5 * TICK).size(), "b is back and has reported K + 5");
        and.input("a", 0, K + 6, T0 + 6 * TICK);
        assertEquals(List.of(), and.advance(T0 + 6 * TICK), "b is waited for again");
    }

    @Test
    void anInputForACompletedTickIsLateAndJoinsTheNextOpenTick() {
        TickedNeuron and = and();
        and.progress("a", K);
        and.progress("b", K);
        assertEquals(K, and.progress(T0));
        assertTrue(and.input("a", 1, K, T0));
        assertFalse(and.input("b", 1, K + 1, T0 + TICK));
        and.progress("a", K + 1);
        assertEquals(List.of(new TickedNeuron.Settled(K + 1, 1, true, false, true, List.of())), and.advance(T0));
        assertEquals(1, and.late());
    }

    @Test
    void aSensorFedNeuronCompletesATickByTheClockWithTheLatestValueBySourceTime() {
        Neuron neuron = new Neuron("x", NeuronMode.LEVEL, 0.9, Duration.ofMillis(500), Duration.ofMillis(100),
                Map.of("s", 1.0), 16);
        TickedNeuron x = new TickedNeuron(neuron, TIME, List.of(), true, T0);
        x.input("s", 0, K + 1, T0 + TICK + 20);
        x.input("s", 1, K + 1, T0 + TICK + 10);
        assertEquals(List.of(), x.advance(TIME.closesAt(K + 1) - 1));
        assertEquals(List.of(new TickedNeuron.Settled(K + 1, 0, false, false, true, List.of())),
                x.advance(TIME.closesAt(K + 1)), "the later source time wins: 0, no change");
        assertEquals(K + 1, x.completed());
    }

    @Test
    void aSpikeNeuronFiresOnceForAllInputsOfATickAndRestsAtTheTickAfterItsRefractoryPeriod() {
        Neuron neuron = new Neuron("z", NeuronMode.SPIKE, 0.9, Duration.ofMillis(500), Duration.ofMillis(150),
                Map.of("a", 1.0, "b", -2.0), 16);
        TickedNeuron z = new TickedNeuron(neuron, TIME, List.of("a", "b"), false, T0);
        z.input("a", 1, K, T0);
        z.input("b", 1, K, T0);
        assertEquals(List.of(new TickedNeuron.Settled(K, 0, false, false, true, List.of())), z.advance(T0),
                "the inhibitory spike of the same tick counts before the threshold is compared");
        z.input("a", 1, K + 10, T0);
        z.progress("b", K + 10);
        assertEquals(List.of(new TickedNeuron.Settled(K + 10, 1, true, true, true, List.of())), z.advance(T0));
        z.progress("a", K + 12);
        z.progress("b", K + 12);
        assertEquals(List.of(new TickedNeuron.Settled(K + 12, 0, true, false, false, List.of())), z.advance(T0),
                "150 ms after tick K+10 starts is inside tick K+11; the output returns to 0 at K+12");
    }
}
