package io.neuromesh.edge.internal.neuron;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A neuron's input slots: order, inputs kept across a reconfiguration, lookup by scan and by map. */
class SlotsTest {

    private static Map<String, Double> weights(Object... sourceAndWeight) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < sourceAndWeight.length; i += 2) {
            weights.put((String) sourceAndWeight[i], ((Number) sourceAndWeight[i + 1]).doubleValue());
        }
        return weights;
    }

    private static List<String> sources(Slots slots) {
        return IntStream.range(0, slots.size()).mapToObj(slots::source).toList();
    }

    @Test
    void aReconfigurationKeepsTheInputsOfTheSourcesItKeepsWhereTheyWereAndAppendsNewOnes() {
        Slots slots = new Slots();
        slots.weigh(weights("a", 1, "b", 2, "c", 3));
        slots.set(slots.find("a"), 1, 100);
        slots.set(slots.find("c"), 0.5, 200);

        slots.weigh(weights("d", 4, "c", -1, "a", 1));

        assertEquals(List.of("a", "c", "d"), sources(slots), "kept in place, the new one after them");
        assertEquals(-1, slots.weight(slots.find("c")));
        assertEquals(0.5, slots.value(slots.find("c")));
        assertEquals(200, slots.at(slots.find("c")));
        assertFalse(slots.present(slots.find("d")), "nothing came from d yet");
        assertEquals(-1, slots.find("b"), "b's synapse is gone, and its input with it");
        assertEquals(1 * 1 + -1 * 0.5, slots.sum(1_000, -1));
        assertEquals(-1 * 0.5, slots.sum(1_000, 850), "only inputs younger than the window: c at 200, not a at 100");
    }

    @Test
    void sourcesAreFoundByEqualIdsNotOnlyTheSameInstanceAndByAMapAboveTheScanLimit() {
        Slots few = new Slots();
        few.weigh(weights("x", 1));
        assertEquals(0, few.find(new String("x")));
        assertEquals(-1, few.find("y"));

        Map<String, Double> many = new LinkedHashMap<>();
        IntStream.range(0, Slots.SCAN_LIMIT + 5).forEach(i -> many.put("s" + i, (double) i));
        Slots slots = new Slots();
        slots.weigh(many);
        IntStream.range(0, many.size()).forEach(i -> assertEquals(i, slots.find("s" + i)));
        assertEquals(-1, slots.find("t"));
        slots.weigh(weights("s3", 3));
        assertEquals(List.of("s3"), sources(slots));
        assertEquals(0, slots.find("s3"), "back to a scan, no stale map");
        assertEquals(-1, slots.find("s4"));
    }

    @Test
    void itWeighsTheSameSourcesWithEqualWeightsInAnyOrder() {
        Slots slots = new Slots();
        slots.weigh(weights("a", 1, "b", 2));
        assertTrue(slots.weighs(weights("b", 2, "a", 1)));
        assertFalse(slots.weighs(weights("a", 1, "b", 2.5)));
        assertFalse(slots.weighs(weights("a", 1)));
        assertFalse(slots.weighs(weights("a", 1, "c", 2)));
    }
}
