package io.neuromesh.bench.internal.scenario;

import java.nio.charset.StandardCharsets;

/** Input payloads as a user or sensor publishes them. */
final class Payloads {

    private Payloads() {
    }

    /** {@code {"from":"<source>","value":<value>}}. */
    static byte[] input(String source, int value) {
        return ("{\"from\":\"" + source + "\",\"value\":" + value + "}").getBytes(StandardCharsets.UTF_8);
    }
}
