package io.neuromesh.mqtt.internal;

import java.time.Duration;

/** Durations as people read them in messages. */
final class Durations {

    private Durations() {
    }

    /** "5s" for whole seconds, else "250ms". */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
