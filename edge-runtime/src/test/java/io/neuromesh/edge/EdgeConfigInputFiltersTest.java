package io.neuromesh.edge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How many exact input subscriptions one of the node's connections holds. */
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
}
