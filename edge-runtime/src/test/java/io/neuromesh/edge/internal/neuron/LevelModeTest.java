package io.neuromesh.edge.internal.neuron;

import io.neuromesh.topology.NeuronMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelModeTest {

    private static final long T0 = 1_700_000_000_000_000L;

    @Test
    void outputIsOneWhenWeightedSumReachesThreshold() {
        Neuron h2 = new Neuron("h2", NeuronMode.LEVEL, 1.9, Duration.ZERO, Duration.ZERO,
                Map.of("x", 1.0, "y", 1.0), 8);
        assertEquals(Neuron.Outcome.NONE, h2.onInput("x", 1, T0));
        assertEquals(0, h2.output());
        assertEquals(Neuron.Outcome.OUTPUT_CHANGED, h2.onInput("y", 1, T0 + 1));
        assertEquals(1, h2.output());
        assertEquals(2.0, h2.lastSum());
        assertEquals(Neuron.Outcome.OUTPUT_CHANGED, h2.onInput("x", 0, T0 + 2));
        assertEquals(0, h2.output());
    }

    @Test
    void keepsOnlyTheLatestValuePerSource() {
        Neuron n = new Neuron("n", NeuronMode.LEVEL, 0.9, Duration.ZERO, Duration.ZERO, Map.of("a", 1.0), 8);
        n.onInput("a", 1, T0);
        n.onInput("a", 1, T0 + 1);
        n.onInput("a", 1, T0 + 2);
        assertEquals(1.0, n.lastSum(), "repeated inputs from one source do not add up");
    }

    @Test
    void ignoresAndLogsInputsFromSourcesWithoutASynapse() {
        Neuron n = new Neuron("z", NeuronMode.LEVEL, 0.9, Duration.ZERO, Duration.ZERO, Map.of("a", 1.0), 8);
        assertEquals(Neuron.Outcome.NONE, n.onInput("q", 5, T0));
        assertEquals(0, n.output());
        EventLog.Event event = n.log().events(0).get(0);
        assertEquals(EventKind.IGNORED, event.kind());
        assertEquals("input from q ignored: no synapse q -> z",
                event.kind().describe("z", event.source(), event.value(), event.sum()));
    }

    @Test
    void aWeightFlipChangesTheOutputWithoutANewInput() {
        Neuron z = new Neuron("z", NeuronMode.LEVEL, 0.9, Duration.ZERO, Duration.ZERO, Map.of("h2", -2.0), 8);
        z.onInput("h2", 1, T0);
        assertEquals(0, z.output());
        Neuron.Outcome outcome = z.reconfigure(NeuronMode.LEVEL, 0.9, Duration.ZERO, Duration.ZERO,
                Map.of("h2", 2.0), T0 + 1);
        assertEquals(Neuron.Outcome.OUTPUT_CHANGED, outcome);
        assertEquals(1, z.output());
    }

    @Test
    void reconfigureDropsInputsOfRemovedSynapses() {
        Neuron z = new Neuron("z", NeuronMode.LEVEL, 0.9, Duration.ZERO, Duration.ZERO,
                Map.of("a", 1.0, "b", 1.0), 8);
        z.onInput("a", 1, T0);
        assertEquals(1, z.output());
        assertEquals(Neuron.Outcome.OUTPUT_CHANGED,
                z.reconfigure(NeuronMode.LEVEL, 0.9, Duration.ZERO, Duration.ZERO, Map.of("b", 1.0), T0 + 1));
        assertEquals(0, z.output());
        assertEquals(Map.of("b", 1.0), z.snapshot(T0 + 2, List.of()).weights());
    }

    @Test
    void aNegativeThresholdMakesTheOutputOneAtRest() {
        Neuron n = new Neuron("n", NeuronMode.LEVEL, -0.5, Duration.ZERO, Duration.ZERO, Map.of("a", 1.0), 8);
        assertEquals(1, n.output());
    }

    @Test
    void forcedFireIsAPulseOfTheRefractoryPeriodThenTheInputsDecide() {
        Neuron n = new Neuron("n", NeuronMode.LEVEL, 0.9, Duration.ZERO, Duration.ofMillis(100), Map.of("a", 1.0), 8);
        assertEquals(Neuron.Outcome.FIRED, n.forceFire(T0));
        assertEquals(1, n.output());
        assertEquals(T0 + 100_000, n.deadline());
        assertEquals(Neuron.Outcome.NONE, n.onInput("a", 0, T0 + 1), "the pulse holds the output");
        assertTrue(n.snapshot(T0 + 1, List.of()).resting(), "inspect tells why the output is 1");
        assertEquals(Neuron.Outcome.NONE, n.tick(T0 + 99_999));
        assertEquals(Neuron.Outcome.OUTPUT_CHANGED, n.tick(T0 + 100_000));
        assertEquals(0, n.output());
        assertEquals(Long.MAX_VALUE, n.deadline());
        List<EventKind> kinds = n.log().events(0).stream().map(EventLog.Event::kind).toList();
        assertEquals(List.of(EventKind.FORCED, EventKind.OUTPUT, EventKind.INPUT, EventKind.SETTLED, EventKind.OUTPUT),
                kinds);
    }

    @Test
    void aLateTickDoesNotHoldThePulseAgainstAnInputAfterItsEnd() {
        Neuron n = new Neuron("n", NeuronMode.LEVEL, 0.9, Duration.ZERO, Duration.ofMillis(100), Map.of("a", 1.0), 8);
        n.forceFire(T0);
        assertEquals(Neuron.Outcome.OUTPUT_CHANGED, n.onInput("a", 0, T0 + 100_001));
        assertEquals(0, n.output());
        assertEquals(Neuron.Outcome.NONE, n.tick(T0 + 100_002), "the pulse already ended");
    }

    @Test
    void aNeuronSwitchedToSpikeDuringAPulseStartsAtRest() {
        Neuron n = new Neuron("n", NeuronMode.LEVEL, 0.9, Duration.ZERO, Duration.ofMillis(100), Map.of("a", 1.0), 8);
        n.forceFire(T0);
        assertEquals(Neuron.Outcome.RESTED, n.reconfigure(NeuronMode.SPIKE, 0.9, Duration.ofMillis(500),
                Duration.ofMillis(100), Map.of("a", 1.0), T0 + 1));
        assertEquals(0, n.output());
        assertEquals(Long.MAX_VALUE, n.deadline());
    }

    /**
     * From every one of the 4 input states to every other (12 transitions), the messages in flight are delivered in
     * EVERY possible order; z must always settle at XOR(x, y).
     */
    @ParameterizedTest(name = "({0},{1}) -> ({2},{3})")
    @CsvSource({"0,0,0,1", "0,0,1,0", "0,0,1,1", "0,1,0,0", "0,1,1,0", "0,1,1,1",
            "1,0,0,0", "1,0,0,1", "1,0,1,1", "1,1,0,0", "1,1,0,1", "1,1,1,0"})
    void xorSettlesCorrectlyWhateverOrderInputsArriveIn(int x0, int y0, int x1, int y1) {
        XorNetwork start = new XorNetwork(NeuronMode.LEVEL);
        settleInOrder(start, List.of(new XorNetwork.Message("sensor_x", "x", x0),
                new XorNetwork.Message("sensor_y", "y", y0)));
        assertEquals(x0 ^ y0, start.get("z").output());

        List<XorNetwork.Message> change = new ArrayList<>();
        if (x1 != x0) {
            change.add(new XorNetwork.Message("sensor_x", "x", x1));
        }
        if (y1 != y0) {
            change.add(new XorNetwork.Message("sensor_y", "y", y1));
        }
        int[] orders = {0};
        explore(List.of(new XorNetwork.Message("sensor_x", "x", x0), new XorNetwork.Message("sensor_y", "y", y0)),
                change, new ArrayList<>(), x1 ^ y1, orders);
        assertTrue(orders[0] >= change.size(), "explored " + orders[0] + " delivery orders");
    }

    /**
     * Depth-first over every interleaving that MQTT allows (messages from one sender to one topic stay in order,
     * everything else may interleave): replays the chosen delivery order on a fresh network, then branches on
     * each message still in flight; a leaf (nothing in flight) checks z.
     */
    private static void explore(List<XorNetwork.Message> setup, List<XorNetwork.Message> change, List<Integer> path,
                                int expectedZ, int[] orders) {
        XorNetwork net = new XorNetwork(NeuronMode.LEVEL);
        settleInOrder(net, setup);
        List<XorNetwork.Message> inFlight = new ArrayList<>(change);
        long t = T0 + 1_000_000;
        for (int choice : path) {
            inFlight.addAll(net.deliver(inFlight.remove(choice), t++));
        }
        if (inFlight.isEmpty()) {
            assertEquals(expectedZ, net.get("z").output(), "delivery order " + path);
            orders[0]++;
            return;
        }
        for (int i = 0; i < inFlight.size(); i++) {
            if (!isFirstOnItsLink(inFlight, i)) {
                continue;
            }
            List<Integer> next = new ArrayList<>(path);
            next.add(i);
            explore(setup, change, next, expectedZ, orders);
        }
    }

    private static boolean isFirstOnItsLink(List<XorNetwork.Message> inFlight, int index) {
        XorNetwork.Message m = inFlight.get(index);
        for (int j = 0; j < index; j++) {
            if (inFlight.get(j).from().equals(m.from()) && inFlight.get(j).to().equals(m.to())) {
                return false;
            }
        }
        return true;
    }

    private static void settleInOrder(XorNetwork net, List<XorNetwork.Message> messages) {
        List<XorNetwork.Message> queue = new ArrayList<>(messages);
        long t = T0;
        while (!queue.isEmpty()) {
            queue.addAll(net.deliver(queue.remove(0), t++));
        }
    }

    @Test
    void weighsTellsTheSameSourcesAndWeightsInAnyOrderFromAnyChange() {
        Neuron n = new Neuron("n", NeuronMode.LEVEL, 1.0, Duration.ZERO, Duration.ZERO, Map.of("a", 1.0, "b", -0.5), 8);
        assertTrue(n.weighs(Map.of("b", -0.5, "a", 1.0)));
        assertFalse(n.weighs(Map.of("a", 1.0)), "a source less");
        assertFalse(n.weighs(Map.of("a", 1.0, "b", 0.5)), "a weight changed");
        assertFalse(n.weighs(Map.of("a", 1.0, "c", -0.5)), "another source");
        assertFalse(n.weighs(Map.of("a", 1.0, "b", -0.5, "c", 1.0)), "a source more");
        n.reconfigure(NeuronMode.LEVEL, 1.0, Duration.ZERO, Duration.ZERO, Map.of("a", 2.0), 0);
        assertTrue(n.weighs(Map.of("a", 2.0)));
    }
}
