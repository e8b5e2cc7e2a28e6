package io.neuromesh.edge.internal.tick;

import io.neuromesh.topology.NeuronMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's first proof: for every XOR transition with both inputs in one tick, every delivery order MQTT allows gives
 * exactly one z change when XOR changes and none when it does not, to the settled value, in level and spike mode.
 * Every neuron runs on a node of its own, so every synapse crosses the broker.
 *
 * <p>MQTT orders messages per publisher and topic, nothing else: the fleet is a set of FIFO channels and a delivery
 * order is any interleaving of them. With the clock fixed (both inputs on time, no timeout possible), a node's
 * behaviour depends only on the order in which its own messages reach it, and deliveries to different nodes commute.
 * So the walk visits the nodes in the network's order (x, y, h1, h2, h3, z) and, at each, every interleaving of its
 * incoming channels; {@link #theReducedWalkMatchesTheFullOne} checks this against the walk of all 1,456 global
 * orders for one transition. The walk re-runs the fleet from scratch for each prefix of choices.
 */
@Timeout(60)
class WaveOrderTest {

    private static final List<String> NETWORK_ORDER = List.of("x", "y", "h1", "h2", "h3", "z");
    /** Ticks between the settling inputs and the transition: spikes from before are outside the 500 ms window. */
    private static final int TICKS_BETWEEN = 7;

    static Stream<Arguments> transitions() {
        List<Arguments> all = new ArrayList<>();
        for (NeuronMode mode : NeuronMode.values()) {
            for (int from = 0; from < 4; from++) {
                for (int to = 0; to < 4; to++) {
                    all.add(Arguments.of(mode, from >> 1, from & 1, to >> 1, to & 1));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}{2} -> {3}{4}")
    @MethodSource("transitions")
    void everyDeliveryOrderGivesOneSettledChangeOfZ(NeuronMode mode, int x0, int y0, int x1, int y1) {
        List<List<DistributedXor.Output>> outcomes = new ArrayList<>();
        walk(mode, new int[] {x0, y0, x1, y1}, true, new ArrayList<>(), outcomes);
        // z hears from h1, h2 and h3 in one tick: 3! orders at least; h2 from x and y: 2 more.
        assertTrue(outcomes.size() >= 12, "walked " + outcomes.size() + " orders");
    }

    @Test
    void theReducedWalkMatchesTheFullOne() {
        List<List<DistributedXor.Output>> full = new ArrayList<>();
        walk(NeuronMode.LEVEL, new int[] {0, 1, 1, 0}, false, new ArrayList<>(), full);
        assertEquals(1_456, full.size());
        assertEquals(1, full.stream().distinct().count(), "every order gives the same z outputs");
    }

    /** Runs the choices so far; at a leaf checks z, else branches on every possible next delivery. */
    private void walk(NeuronMode mode, int[] bits, boolean reduced, List<Integer> choices,
                      List<List<DistributedXor.Output>> outcomes) {
        DistributedXor fleet = new DistributedXor(mode);
        long settleTick = DistributedXor.TIME.tickOf(fleet.now) + 1;
        fleet.sense("sensor_x", bits[0], DistributedXor.TIME.startMicros(settleTick) + 10);
        fleet.sense("sensor_y", bits[1], DistributedXor.TIME.startMicros(settleTick) + 20);
        fleet.idle(TICKS_BETWEEN);
        int zBefore = fleet.output("z");
        assertEquals(mode == NeuronMode.LEVEL ? bits[0] ^ bits[1] : 0, zBefore, "z after settling");
        fleet.zOutputs.clear();
        long tick = DistributedXor.TIME.tickOf(fleet.now) + 1;
        long start = DistributedXor.TIME.startMicros(tick);
        // Back to back, microseconds apart, both stamped inside the tick, both on time.
        fleet.sense("sensor_x", bits[2], start + 40_000);
        fleet.sense("sensor_y", bits[3], start + 40_003);
        fleet.now = DistributedXor.TIME.closesAt(tick);
        for (int step = 0; ; step++) {
            List<String> options = options(fleet, reduced);
            if (options.isEmpty()) {
                break;
            }
            if (step == choices.size()) {
                for (int i = 0; i < options.size(); i++) {
                    List<Integer> next = new ArrayList<>(choices);
                    next.add(i);
                    walk(mode, bits, reduced, next, outcomes);
                }
                return;
            }
            fleet.deliver(options.get(choices.get(step)));
        }
        check(mode, bits, zBefore, tick, fleet, choices);
        outcomes.add(List.copyOf(fleet.zOutputs));
    }

    /** The channels that may deliver next: all busy ones, or those into the first node (network order) with any. */
    private static List<String> options(DistributedXor fleet, boolean reduced) {
        List<String> busy = fleet.busyChannels();
        if (!reduced) {
            return busy;
        }
        for (String node : NETWORK_ORDER) {
            List<String> into = busy.stream().filter(c -> c.endsWith(">" + node)).toList();
            if (!into.isEmpty()) {
                return into;
            }
        }
        return List.of();
    }

    private static void check(NeuronMode mode, int[] bits, int zBefore, long tick, DistributedXor fleet,
                              List<Integer> choices) {
        int expected = bits[2] ^ bits[3];
        String where = mode + " " + bits[0] + bits[1] + "->" + bits[2] + bits[3] + " order " + choices;
        List<DistributedXor.Output> wanted;
        if (mode == NeuronMode.LEVEL) {
            wanted = expected == zBefore ? List.of() : List.of(new DistributedXor.Output(tick, expected));
        } else {
            wanted = expected == 1 ? List.of(new DistributedXor.Output(tick, 1)) : List.of();
        }
        assertEquals(wanted, fleet.zOutputs, where);
        assertEquals(0, fleet.gaveUp, where + ": no tick may time out");
        assertEquals(0, fleet.late(), where + ": no input may be late");
        // Every neuron completed the tick from the messages of the wave alone: a heartbeat now has nothing to add.
        fleet.heartbeat();
        assertEquals(List.of(), fleet.busyChannels(), where + ": a heartbeat after the wave");
    }
}
