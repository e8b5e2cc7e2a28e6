package io.neuromesh.edge.internal.codec;

import io.neuromesh.edge.internal.neuron.Numbers;

import java.nio.charset.StandardCharsets;

/**
 * Encodes the hot-path payloads without a JSON library: a neuron's retained output and the inputs it sends
 * downstream. Ids are restricted to {@code A-Z a-z 0-9 _ -}, so they never need escaping.
 */
public final class OutputCodec {

    private OutputCodec() {
    }

    /** {@code {"from":"<source>","value":<value>}}: computed once per neuron and value, then reused. */
    public static byte[] input(String source, double value) {
        return ("{\"from\":\"" + source + "\",\"value\":" + Numbers.format(value) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"value":<0|1>,"ts":<epoch ms>,"node":"<node>"}}. */
    public static byte[] output(int value, long epochMillis, String node) {
        StringBuilder json = new StringBuilder(48 + node.length());
        json.append("{\"value\":").append(value).append(",\"ts\":").append(epochMillis).append(",\"node\":\"")
                .append(node).append("\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
