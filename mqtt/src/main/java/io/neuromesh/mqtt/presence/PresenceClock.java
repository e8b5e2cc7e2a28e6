package io.neuromesh.mqtt.presence;

import java.time.Instant;

/**
 * The time a {@link PresenceWatcher} measures silence with; tests pass a manual one.
 *
 * @since 0.1
 */
public interface PresenceClock {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}: silence is measured with these. */
    long nanoTime();

    /** Wall-clock time: only to age a retained status by the {@link PresenceCodec#sentAt time stamp} it carries. */
    Instant instant();

    /** The system clocks. */
    static PresenceClock system() {
        return new PresenceClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Instant instant() {
                return Instant.now();
            }
        };
    }
}
