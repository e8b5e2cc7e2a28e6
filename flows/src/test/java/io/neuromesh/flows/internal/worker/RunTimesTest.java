package io.neuromesh.flows.internal.worker;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunTimesTest {

    @Test
    void takesNearestRankPercentiles() {
        RunTimes times = new RunTimes(1000);
        for (int ms = 100; ms >= 1; ms--) {
            times.record(Duration.ofMillis(ms));
        }

        assertArrayEquals(new Duration[] {Duration.ofMillis(50), Duration.ofMillis(95), Duration.ofMillis(99),
                Duration.ofMillis(100)}, times.percentiles(50, 95, 99, 100));
    }

    @Test
    void reportsZeroBeforeAnyTaskRan() {
        assertArrayEquals(new Duration[] {Duration.ZERO}, new RunTimes(8).percentiles(50));
    }

    @Test
    void forgetsTheOldestBeyondItsWindow() {
        RunTimes times = new RunTimes(3);
        times.record(Duration.ofSeconds(100));
        for (int ms = 1; ms <= 3; ms++) {
            times.record(Duration.ofMillis(ms));
        }

        assertEquals(Duration.ofMillis(3), times.percentiles(100)[0]);
    }

    @Test
    void usesTheOnlySampleForEveryPercentile() {
        RunTimes times = new RunTimes(8);
        times.record(Duration.ofMillis(7));

        assertArrayEquals(new Duration[] {Duration.ofMillis(7), Duration.ofMillis(7)}, times.percentiles(1, 99));
    }

    @Test
    void rejectsPercentilesOutsideTheRange() {
        assertEquals("p: must be in (0, 100], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new RunTimes(1).percentiles(0)).getMessage());
    }
}
