package io.neuromesh.edge.internal.neuron;

import io.neuromesh.topology.NeuronMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spike traces of the reference experiment (2016-03-10, inputWindow 500 ms, refractory 100 ms), replayed with the
 * reference's own arrival times on a manual clock.
 */
class SpikeModeTest {

    /** 2016-03-10 20:51:25.000 as epoch microseconds; times below are offsets in milliseconds from it. */
    private static final long BASE = 1_457_614_285_000_000L;

    private static long at(double millis) {
        return BASE + (long) (millis * 1000);
    }

    @Test
    void xAloneMakesZFire() {
        XorNetwork net = new XorNetwork(NeuronMode.SPIKE);
        List<XorNetwork.Message> fromX = net.downstream(net.get("x"), net.get("x").forceFire(at(489)));
        assertEquals(List.of(new XorNetwork.Message("x", "h1", 1), new XorNetwork.Message("x", "h2", 1)), fromX);
        List<XorNetwork.Message> fromH1 = net.deliver(fromX.get(0), at(559));
        assertEquals(List.of(new XorNetwork.Message("h1", "z", 1)), fromH1);
        assertEquals(List.of(), net.deliver(fromX.get(1), at(581)), "h2 alone stays below 1.9");
        net.deliver(fromH1.get(0), at(654));
        assertEquals(1, net.get("z").output());
        assertEquals(List.of(EventKind.INPUT, EventKind.FIRED, EventKind.OUTPUT), kinds(net.get("z")));
    }

    @Test
    void yAloneMakesZFire() {
        XorNetwork net = new XorNetwork(NeuronMode.SPIKE);
        List<XorNetwork.Message> fromY = net.downstream(net.get("y"), net.get("y").forceFire(at(0)));
        assertEquals(List.of(), net.deliver(fromY.get(0), at(60)), "h2 alone stays below 1.9");
        List<XorNetwork.Message> fromH3 = net.deliver(fromY.get(1), at(70));
        net.deliver(fromH3.get(0), at(150));
        assertEquals(1, net.get("z").output());
    }

    /**
     * x and y fire together: z fires on h1's spike; h3's spike arrives while z is refractory and is logged as such;
     * h2's inhibitory spike arrives after the refractory period and cancels the sum (1 + 1 - 2 = 0): no second fire.
     * Exactly the merged log of the reference.
     */
    @Test
    void xAndYTogetherHitTheRefractoryPeriodLikeTheReferenceLog() {
        XorNetwork net = new XorNetwork(NeuronMode.SPIKE);
        Neuron z = net.get("z");
        net.get("x").forceFire(at(524.156));
        net.get("y").forceFire(at(557.295));
        assertEquals(List.of(new XorNetwork.Message("h3", "z", 1)),
                net.deliver(new XorNetwork.Message("y", "h3", 1), at(620.065)));
        assertEquals(List.of(new XorNetwork.Message("h1", "z", 1)),
                net.deliver(new XorNetwork.Message("x", "h1", 1), at(632.281)));
        assertEquals(List.of(), net.deliver(new XorNetwork.Message("x", "h2", 1), at(689.440)));

        // The reference logged h1's kick at .759928 and "z fires" at .787273: z evaluated it at .787273.
        net.deliver(new XorNetwork.Message("h1", "z", 1), at(787.273));
        assertEquals(1, z.output(), "z fires on h1's spike");
        long firedAt = at(787.273);

        assertEquals(List.of(new XorNetwork.Message("h2", "z", 1)),
                net.deliver(new XorNetwork.Message("y", "h2", 1), at(813.897)), "h2 fires once x and y are both live");

        assertEquals(List.of(), net.deliver(new XorNetwork.Message("h3", "z", 1), at(869.606)));
        EventLog.Event last = z.log().events(0).get(z.log().events(0).size() - 1);
        assertEquals(EventKind.REFRACTORY, last.kind());
        assertEquals("z is still in refractory period (input from h3, sum 2)",
                last.kind().describe("z", last.source(), last.value(), last.sum()));

        assertEquals(firedAt + 100_000, z.deadline(), "refractory for 100 ms after firing");
        assertEquals(Neuron.Outcome.RESTED, z.tick(z.deadline()));
        assertEquals(0, z.output(), "output returns to 0 after the refractory period");

        assertEquals(List.of(), net.deliver(new XorNetwork.Message("h2", "z", 1), at(943.689)));
        assertEquals(0.0, z.lastSum(), "1 + 1 - 2");
        assertEquals(0, z.output());
        assertEquals(1, z.snapshot(at(950), List.of()).fireCount());
    }

    @Test
    void inputsExpireAfterTheInputWindow() {
        Neuron h2 = new Neuron("h2", NeuronMode.SPIKE, 1.9, Duration.ofMillis(500), Duration.ofMillis(100),
                Map.of("x", 1.0, "y", 1.0), 8);
        h2.onInput("x", 1, at(0));
        assertEquals(Neuron.Outcome.NONE, h2.onInput("y", 1, at(500)), "x's input counted for 500 ms only");
        assertEquals(Neuron.Outcome.FIRED, h2.onInput("x", 1, at(600)));
    }

    @Test
    void canFireAgainOnceTheRefractoryPeriodIsOver() {
        Neuron n = new Neuron("n", NeuronMode.SPIKE, 0.9, Duration.ofMillis(500), Duration.ofMillis(100),
                Map.of("a", 1.0), 8);
        assertEquals(Neuron.Outcome.FIRED, n.onInput("a", 1, at(0)));
        assertEquals(Neuron.Outcome.NONE, n.onInput("a", 1, at(99)));
        assertEquals(Neuron.Outcome.RESTED, n.tick(at(100)));
        assertEquals(Neuron.Outcome.FIRED, n.onInput("a", 1, at(100)));
        assertEquals(2, n.snapshot(at(101), List.of()).fireCount());
    }

    @Test
    void tickBeforeTheDeadlineDoesNothing() {
        Neuron n = new Neuron("n", NeuronMode.SPIKE, 0.9, Duration.ofMillis(500), Duration.ofMillis(100),
                Map.of("a", 1.0), 8);
        n.onInput("a", 1, at(0));
        assertEquals(Neuron.Outcome.NONE, n.tick(at(50)));
        assertEquals(1, n.output());
        assertTrue(n.snapshot(at(50), List.of()).resting());
    }

    @Test
    void switchingFromLevelToSpikeStartsAtRest() {
        Neuron n = new Neuron("n", NeuronMode.LEVEL, 0.9, Duration.ofMillis(500), Duration.ofMillis(100),
                Map.of("a", 1.0), 8);
        n.onInput("a", 1, at(0));
        assertEquals(Neuron.Outcome.RESTED, n.reconfigure(NeuronMode.SPIKE, 0.9, Duration.ofMillis(500),
                Duration.ofMillis(100), Map.of("a", 1.0), at(1)));
        assertEquals(0, n.output());
        assertEquals(Long.MAX_VALUE, n.deadline());
    }

    private static List<EventKind> kinds(Neuron neuron) {
        return neuron.log().events(0).stream().map(EventLog.Event::kind).toList();
    }
}
