package io.neuromesh.bench.internal.machine;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class JitQuietTest {

    @Test
    void returnsOnceTheCompilersStayedStillLongEnough() {
        Duration waited = JitQuiet.await(Duration.ofMinutes(1));
        assertTrue(waited.compareTo(JitQuiet.STILL) >= 0, "waits at least the still period: " + waited);
        assertTrue(waited.compareTo(Duration.ofMinutes(1)) < 0, "a test JVM's compilers stop: " + waited);
    }

    @Test
    void waitsNoLongerThanAsked() {
        Duration waited = JitQuiet.await(Duration.ZERO);
        assertTrue(waited.compareTo(JitQuiet.STILL) < 0, "the bound comes before the still period: " + waited);
    }
}
