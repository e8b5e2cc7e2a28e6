package io.neuromesh.edge.internal.client;

import io.neuromesh.mqtt.MqttLinkException;

import java.time.Duration;

/** How the fleet client says that the broker did not answer: an error naming the time waited, never a fact. */
final class Timeouts {

    private Timeouts() {
    }

    /** @return {@code 3s}, {@code 1.5s} or {@code 500ms} */
    static String text(Duration timeout) {
        long millis = timeout.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis / 1000.0 + "s";
    }

    /** @return {@code no answer from the broker within 3s}, then {@code : <detail>} when there is one */
    static MqttLinkException noAnswer(Duration timeout, String detail) {
        return new MqttLinkException("no answer from the broker within " + text(timeout)
                + (detail.isEmpty() ? "" : ": " + detail));
    }
}
