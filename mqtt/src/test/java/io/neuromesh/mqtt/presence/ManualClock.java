package io.neuromesh.mqtt.presence;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when a test says so; both readings move together. */
public final class ManualClock implements PresenceClock {

    private long nanos = 1_000_000_000L;
    private Instant instant = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant instant() {
        return instant;
    }

    public synchronized void advance(Duration by) {
        nanos += by.toNanos();
        instant = instant.plus(by);
    }
}
