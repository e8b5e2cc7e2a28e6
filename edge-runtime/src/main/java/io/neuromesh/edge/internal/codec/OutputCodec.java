package io.neuromesh.edge.internal.codec;

import io.neuromesh.edge.internal.neuron.Numbers;

import java.nio.charset.StandardCharsets;

/**
 * Encodes the hot-path payloads without a JSON library: a neuron's retained output and the inputs it sends
 * downstream; and reads an output's value back. Ids are restricted to {@code A-Z a-z 0-9 _ -}, so they never need escaping.
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

    /** The {@code value} (0 or 1) of an output payload, or -1 when it has none (e.g. a cleared retained output). */
    public static int outputValue(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return -1;
        }
        String value = Payloads.field(payload, "value");
        return "1".equals(value) ? 1 : "0".equals(value) ? 0 : -1;
    }
}
