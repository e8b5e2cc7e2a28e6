package io.neuromesh.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    private final Backoff doubling = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void doublesFromTheInitialDelay() {
        assertEquals(Duration.ofMillis(100), doubling.delayBefore(1));
        assertEquals(Duration.ofMillis(200), doubling.delayBefore(2));
        assertEquals(Duration.ofMillis(400), doubling.delayBefore(3));
        assertEquals(Duration.ofMillis(800), doubling.delayBefore(4));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 100, 2000, Integer.MAX_VALUE})
    void neverExceedsTheMaximumEvenAfterManyRetries(int retry) {
        assertEquals(Duration.ofSeconds(1), doubling.delayBefore(retry));
    }

    @Test
    void boundedKeepsTheBaseWithoutBoundsAndItsGrowthAndJitterWithThem() {
        Backoff jittered = doubling.withJitter(0.25);
        assertEquals(jittered, Backoff.bounded(jittered, null, null, "reconnect"));
        assertEquals(new Backoff(Duration.ofMillis(10), Duration.ofMillis(80), Backoff.DOUBLING, 0.25),
                Backoff.bounded(jittered, Duration.ofMillis(10), Duration.ofMillis(80), "reconnect"));
        assertEquals("retryBackoff.initial: must be a positive duration, got null",
                assertThrows(IllegalArgumentException.class,
                        () -> Backoff.bounded(jittered, null, Duration.ofSeconds(1), "retryBackoff")).getMessage());
    }

    @Test
    void aMultiplierOfOneRetriesAtAFixedInterval() {
        Backoff fixed = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 1, 0);
        assertEquals(Duration.ofMillis(50), fixed.delayBefore(1));
        assertEquals(Duration.ofMillis(50), fixed.delayBefore(40));
    }

    @Test
    void jitterSpreadsDelaysWithinItsFraction() {
        Backoff jittered = doubling.withJitter(0.2);
        SplittableRandom random = new SplittableRandom(42);
        Duration first = jittered.delayBefore(3, random);
        for (int i = 0; i < 1000; i++) {
            Duration delay = jittered.delayBefore(3, random);
            assertTrue(delay.compareTo(Duration.ofMillis(320)) >= 0 && delay.compareTo(Duration.ofMillis(480)) <= 0,
                    "400 ms +- 20%: " + delay);
        }
        assertNotEquals(first, jittered.delayBefore(3, random), "jitter varies the delay");
        assertEquals(Duration.ofMillis(400), doubling.delayBefore(3, random), "no jitter, no randomness");
    }

    @Test
    void rejectsBadSettingsWithActionableMessages() {
        assertEquals("initial: must be a positive duration, got PT0S", message(
                () -> Backoff.exponential(Duration.ZERO, Duration.ofSeconds(1))));
        assertEquals("max: must be >= initial (PT1S), got PT0.5S", message(
                () -> Backoff.exponential(Duration.ofSeconds(1), Duration.ofMillis(500))));
        assertEquals("multiplier: must be a finite number >= 1, got 0.5", message(
                () -> new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), 0.5, 0)));
        assertEquals("multiplier: must be a finite number >= 1, got NaN", message(
                () -> new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), Double.NaN, 0)));
        assertEquals("jitter: must be >= 0 and < 1, got 1.0", message(() -> doubling.withJitter(1)));
        assertEquals("retry: must be >= 1, got 0", message(() -> doubling.delayBefore(0)));
    }

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }
}
