package io.neuromesh.edge.wire;

import io.neuromesh.edge.internal.neuron.Numbers;
import io.neuromesh.topology.Ids;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one codec of {@link Input}, on {@code neuron/<id>} (not retained). Hand-written, without a JSON library: it
 * runs for every message a neuron receives and every input a neuron sends (see {@code CodecBenchmark}).
 *
 * <p>Unlike the other messages, an input is written without {@code "v"}: it is the contract's input that users type
 * into {@code mosquitto_pub}, and a node from before versioning refuses unknown fields in inputs, so a {@code "v"}
 * would cut a mixed fleet apart during a rolling upgrade. It is read when present.
 *
 * <p>Accepts exactly {@code {["v":1,]"from":"<id>","value":<number>[,"ts":<epoch ms>][,"tick":<n>]}}, the progress
 * note {@code {"from":"<id>","tick":<n>}} of a discrete-time topology, {@code {"fire":true}} and the plain text
 * {@code fire}, at most {@link #MAX_BYTES}; anything else (an unknown field, a field given twice, a
 * quoted, non-finite or missing value, an invalid id, a newer version) is rejected with a
 * {@link WireFormatException} saying what and where. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class InputCodec {

    /** Largest accepted input payload, in bytes. */
    public static final int MAX_BYTES = 4096;
    private static final byte[] FIRE_TEXT = "fire".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FIRE_JSON = "{\"fire\":true}".getBytes(StandardCharsets.UTF_8);

    private InputCodec() {
    }

    /**
     * {@code {"from":"<source>","value":<value>[,"ts":<epoch ms>]}} or {@code {"fire":true}}. Integral
     * values print without a fraction ({@code 1}, not {@code 1.0}). Ids need no escaping: the id rule excludes
     * every character JSON would escape.
     */
    public static byte[] encode(Input input) {
        if (input.fire()) {
            return FIRE_JSON.clone();
        }
        StringBuilder json = new StringBuilder(64 + input.from().length());
        json.append("{\"from\":\"").append(input.from()).append('"');
        if (!input.isProgress()) {
            json.append(",\"value\":").append(Numbers.format(input.value()));
        }
        input.sentAt().ifPresent(at -> json.append(",\"ts\":").append(at.toEpochMilli()));
        input.tick().ifPresent(tick -> json.append(",\"tick\":").append(tick));
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes one payload.
     *
     * @throws WireFormatException when it is not a valid input; the message says what and where
     */
    public static Input decode(byte[] payload) throws WireFormatException {
        if (payload.length > MAX_BYTES) {
            throw new WireFormatException("input is " + payload.length + " bytes; the limit is " + MAX_BYTES);
        }
        JsonCursor c = new JsonCursor(payload);
        c.skipSpace();
        if (c.atEnd()) {
            throw new WireFormatException("empty payload; send {\"from\":\"<source>\",\"value\":<number>} or fire");
        }
        if (c.peek() != '{') {
            if (c.matchesRest(FIRE_TEXT)) {
                return Input.fireCommand();
            }
            throw new WireFormatException("expected a JSON object or the text fire");
        }
        Fields fields = new Fields();
        if (c.object(fields) == 0) {
            throw new WireFormatException("empty object; send {\"from\":\"<source>\",\"value\":<number>}");
        }
        return fields.input();
    }

    /** The fields of one input object as they are read. */
    private static final class Fields implements JsonCursor.FieldReader {
        private String from;
        private double value;
        private boolean hasValue;
        private long ts = -1;
        private long tick = -1;
        private Boolean fire;
        private boolean hasVersion;

        @Override
        public void read(String key, JsonCursor c) throws WireFormatException {
            switch (key) {
                case "from" -> {
                    JsonCursor.once(from != null, key);
                    from = c.text(key);
                    if (!Ids.isValid(from)) {
                        // Only an id of at most 64 characters is quoted in the problem, so the message stays short.
                        throw new WireFormatException("from: " + Ids.problem(from).orElseThrow());
                    }
                }
                case "value" -> {
                    JsonCursor.once(hasValue, key);
                    value = c.number("value");
                    hasValue = true;
                }
                case "ts" -> {
                    JsonCursor.once(ts != -1, key);
                    ts = c.wholeNumber("ts", "epoch milliseconds (a whole number >= 0)");
                }
                case "tick" -> {
                    JsonCursor.once(tick != -1, key);
                    tick = c.wholeNumber("tick", "a tick number (a whole number >= 0)");
                }
                case "fire" -> {
                    JsonCursor.once(fire != null, key);
                    fire = c.bool("fire");
                }
                case WireVersion.KEY -> {
                    c.version("input", hasVersion);
                    hasVersion = true;
                }
                default -> throw new WireFormatException("unknown field '" + JsonCursor.abbreviate(key)
                        + "'; an input has from, value and optional ts and tick, or fire");
            }
        }

        Input input() throws WireFormatException {
            if (fire != null) {
                if (!fire) {
                    throw new WireFormatException("fire: must be true");
                }
                if (from != null || hasValue || ts != -1 || tick != -1) {
                    throw new WireFormatException("fire: cannot be combined with from, value, ts or tick");
                }
                return Input.fireCommand();
            }
            if (from == null) {
                throw new WireFormatException("from: missing; an input names its source");
            }
            if (!hasValue && tick == -1) {
                throw new WireFormatException("value: missing");
            }
            return new Input(false, from, hasValue ? value : Double.NaN,
                    ts == -1 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ts)),
                    tick == -1 ? OptionalLong.empty() : OptionalLong.of(tick));
        }
    }
}
