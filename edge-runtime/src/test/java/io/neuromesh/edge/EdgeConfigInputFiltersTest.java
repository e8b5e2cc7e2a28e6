package io.neuromesh.edge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How many exact input subscriptions one of the node's connections holds, and when one wildcard replaces them. */
class EdgeConfigInputFiltersTest {

    @Test
    void tenThousandByDefaultAndAnyPositiveNumber() {
        assertEquals(10_000, EdgeRuntime.builder().node("n1").config().inputFiltersPerConnection());
        assertEquals(50, EdgeRuntime.builder().node("n1").inputFiltersPerConnection(50).config()
                .inputFiltersPerConnection());
    }

    @Test
    void zeroIsRefused() {
        assertEquals("inputFiltersPerConnection: must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> EdgeRuntime.builder().node("n1").inputFiltersPerConnection(0).config()).getMessage());
    }

    @Test
    void theWildcardShareIsAboveZeroAndAtMostOne() {
        assertEquals(0.4, EdgeRuntime.builder().node("n1").config().inputWildcardShare());
        assertEquals(1.0, EdgeRuntime.builder().node("n1").inputWildcardShare(1).config().inputWildcardShare());
        for (double bad : new double[]{0, -0.5, 1.5, Double.NaN}) {
            assertEquals("inputWildcardShare: must be above 0 and at most 1 (1: only a node hosting every neuron "
                    + "subscribes neuron/+), got " + bad, assertThrows(IllegalArgumentException.class,
                    () -> EdgeRuntime.builder().node("n1").inputWildcardShare(bad).config()).getMessage());
        }
    }
}
