package io.neuromesh.edge;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How long a peer's Last Will is held before it counts. */
class EdgeConfigWillHoldTest {

    @Test
    void aQuarterSecondByDefaultAndZeroForTheFastestFailover() {
        assertEquals(Duration.ofMillis(250), EdgeRuntime.builder().node("n1").config().willHold());
        assertEquals(Duration.ZERO, EdgeRuntime.builder().node("n1").willHold(Duration.ZERO).config().willHold());
    }

    @Test
    void aNegativeOrMissingHoldIsRefused() {
        assertEquals("willHold: must be zero or positive, got PT-0.001S", assertThrows(IllegalArgumentException.class,
                () -> EdgeRuntime.builder().node("n1").willHold(Duration.ofMillis(-1)).config()).getMessage());
        assertEquals("willHold: must be zero or positive, got null", assertThrows(IllegalArgumentException.class,
                () -> EdgeRuntime.builder().node("n1").willHold(null).config()).getMessage());
    }
}
