package io.neuromesh.edge.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The one codec of {@link Output}, on {@code neuron/<id>/output} (retained; an empty payload clears it):
 * {@code {"v":1,"value":1,"ts":1767225600000,"node":"n3"}}, with {@code ,"tick":<n>} in a discrete-time topology. Hand-written, without a JSON library: every output change
 * of every neuron goes through it (see {@code CodecBenchmark}). Unknown fields are refused like in an input. Stateless
 * and thread-safe.
 *
 * @since 0.1
 */
public final class OutputCodec {

    /** Largest accepted output payload, in bytes. */
    public static final int MAX_BYTES = 4096;

    private OutputCodec() {
    }

    /** The payload of {@code output}. The node id needs no escaping: the id rule excludes what JSON escapes. */
    public static byte[] encode(Output output) {
        StringBuilder json = new StringBuilder(56 + output.node().length());
        json.append("{\"v\":").append(WireVersion.CURRENT).append(",\"value\":").append(output.value())
                .append(",\"ts\":").append(output.timestamp().toEpochMilli()).append(",\"node\":\"")
                .append(output.node()).append('"');
        output.tick().ifPresent(tick -> json.append(",\"tick\":").append(tick));
        json.append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes a non-empty output payload (an empty one means the retained output was cleared).
     *
     * @throws WireFormatException when it is not a valid output; the message says what and where
     */
    public static Output decode(byte[] payload) throws WireFormatException {
        if (payload.length > MAX_BYTES) {
            throw new WireFormatException("output is " + payload.length + " bytes; the limit is " + MAX_BYTES);
        }
        Fields fields = new Fields();
        new JsonCursor(payload).object(fields);
        return fields.output();
    }

    /** The fields of one output object as they are read. */
    private static final class Fields implements JsonCursor.FieldReader {
        private long value = -1;
        private long ts = -1;
        private String node;
        private long tick = -1;
        private boolean hasVersion;

        @Override
        public void read(String key, JsonCursor c) throws WireFormatException {
            switch (key) {
                case "value" -> {
                    JsonCursor.once(value != -1, key);
                    value = c.wholeNumber(key, "0 or 1");
                    if (value > 1) {
                        throw new WireFormatException("value: must be 0 or 1");
                    }
                }
                case "ts" -> {
                    JsonCursor.once(ts != -1, key);
                    ts = c.wholeNumber(key, "epoch milliseconds (a whole number >= 0)");
                }
                case "node" -> {
                    JsonCursor.once(node != null, key);
                    node = c.text(key);
                }
                case "tick" -> {
                    JsonCursor.once(tick != -1, key);
                    tick = c.wholeNumber(key, "a tick number (a whole number >= 0)");
                }
                case WireVersion.KEY -> {
                    c.version("output", hasVersion);
                    hasVersion = true;
                }
                default -> throw new WireFormatException("unknown field '" + JsonCursor.abbreviate(key)
                        + "'; an output has value, ts, node and optional tick");
            }
        }

        Output output() throws WireFormatException {
            if (value == -1) {
                throw new WireFormatException("value: missing");
            }
            if (ts == -1) {
                throw new WireFormatException("ts: missing");
            }
            if (node == null) {
                throw new WireFormatException("node: missing");
            }
            try {
                return new Output((int) value, Instant.ofEpochMilli(ts), node,
                        tick == -1 ? OptionalLong.empty() : OptionalLong.of(tick));
            } catch (IllegalArgumentException invalid) {
                throw new WireFormatException(invalid.getMessage());
            }
        }
    }
}
