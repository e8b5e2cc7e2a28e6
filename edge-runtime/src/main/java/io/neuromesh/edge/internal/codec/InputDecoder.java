package io.neuromesh.edge.internal.codec;

import io.neuromesh.topology.Ids;

import java.nio.charset.StandardCharsets;

/**
 * Decodes input payloads straight from bytes, without building a JSON tree: this runs for every message a neuron
 * receives. Accepts exactly {@code {"from":"<id>","value":<number>[,"ts":<epoch ms>]}}, {@code {"fire":true}} and
 * the plain text {@code fire}; anything else is rejected with a reason. Stateless and thread-safe.
 */
public final class InputDecoder {

    /** Largest accepted input payload. */
    public static final int MAX_BYTES = 4096;
    private static final byte[] FIRE_TEXT = "fire".getBytes(StandardCharsets.US_ASCII);

    private InputDecoder() {
    }

    /** Decodes one payload. */
    public static Input decode(byte[] payload) throws BadInputException {
        if (payload.length > MAX_BYTES) {
            throw new BadInputException("input is " + payload.length + " bytes; the limit is " + MAX_BYTES);
        }
        Cursor c = new Cursor(payload);
        c.skipSpace();
        if (c.atEnd()) {
            throw new BadInputException("empty payload; send {\"from\":\"<source>\",\"value\":<number>} or fire");
        }
        if (c.peek() != '{') {
            if (c.matchesRest(FIRE_TEXT)) {
                return Input.fireCommand();
            }
            throw new BadInputException("expected a JSON object or the text fire");
        }
        return object(c);
    }

    private static Input object(Cursor c) throws BadInputException {
        c.expect('{');
        String from = null;
        double value = Double.NaN;
        boolean hasValue = false;
        long ts = -1;
        Boolean fire = null;
        c.skipSpace();
        if (c.peek() == '}') {
            throw new BadInputException("empty object; send {\"from\":\"<source>\",\"value\":<number>}");
        }
        while (true) {
            c.skipSpace();
            String key = c.string();
            c.skipSpace();
            c.expect(':');
            c.skipSpace();
            switch (key) {
                case "from" -> {
                    if (from != null) {
                        throw new BadInputException("from: given twice");
                    }
                    if (c.peek() != '"') {
                        throw new BadInputException("from: must be a string");
                    }
                    from = c.string();
                    requireId(from);
                }
                case "value" -> {
                    if (hasValue) {
                        throw new BadInputException("value: given twice");
                    }
                    value = c.number("value");
                    hasValue = true;
                }
                case "ts" -> {
                    if (ts != -1) {
                        throw new BadInputException("ts: given twice");
                    }
                    double t = c.number("ts");
                    if (t < 0 || t != Math.rint(t)) {
                        throw new BadInputException("ts: must be epoch milliseconds (a whole number >= 0)");
                    }
                    ts = (long) t;
                }
                case "fire" -> {
                    if (fire != null) {
                        throw new BadInputException("fire: given twice");
                    }
                    fire = c.bool("fire");
                }
                default -> throw new BadInputException("unknown field '" + abbreviate(key)
                        + "'; an input has from, value and optional ts, or fire");
            }
            c.skipSpace();
            if (c.peek() == ',') {
                c.advance();
                continue;
            }
            c.expect('}');
            break;
        }
        c.skipSpace();
        if (!c.atEnd()) {
            throw new BadInputException("unexpected data after the object at byte " + c.position());
        }
        if (fire != null) {
            if (!fire) {
                throw new BadInputException("fire: must be true");
            }
            if (from != null || hasValue) {
                throw new BadInputException("fire: cannot be combined with from or value");
            }
            return Input.fireCommand();
        }
        if (from == null) {
            throw new BadInputException("from: missing; an input names its source");
        }
        if (!hasValue) {
            throw new BadInputException("value: missing");
        }
        return new Input(false, from, value, ts);
    }

    private static void requireId(String id) throws BadInputException {
        if (!Ids.isValid(id)) {
            // Ids.problem quotes only ids of at most 64 characters, so a hostile long "from" is not echoed.
            throw new BadInputException("from: " + Ids.problem(id).orElseThrow());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
