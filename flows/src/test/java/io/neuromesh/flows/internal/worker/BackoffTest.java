package io.neuromesh.flows.internal.worker;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void doublesTheDelayOnEveryRetry() {
        assertEquals(Duration.ofMillis(100), backoff.delayBefore(1));
        assertEquals(Duration.ofMillis(200), backoff.delayBefore(2));
        assertEquals(Duration.ofMillis(400), backoff.delayBefore(3));
        assertEquals(Duration.ofMillis(800), backoff.delayBefore(4));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertEquals(Duration.ofSeconds(1), backoff.delayBefore(5));
        assertEquals(Duration.ofSeconds(1), backoff.delayBefore(100));
        assertEquals(Duration.ofSeconds(1), backoff.delayBefore(Integer.MAX_VALUE));
    }

    @Test
    void countsRetriesFromOne() {
        assertEquals("retry: must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> backoff.delayBefore(0)).getMessage());
    }
}
