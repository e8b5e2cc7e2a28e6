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

    /** A read position over the payload bytes. */
    private static final class Cursor {
        private final byte[] b;
        private int i;

        Cursor(byte[] bytes) {
            this.b = bytes;
        }

        boolean atEnd() {
            return i >= b.length;
        }

        int position() {
            return i;
        }

        int peek() throws BadInputException {
            if (i >= b.length) {
                throw new BadInputException("unexpected end of input at byte " + i);
            }
            return b[i] & 0xFF;
        }

        void advance() {
            i++;
        }

        void skipSpace() {
            while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
                i++;
            }
        }

        void expect(char ch) throws BadInputException {
            if (peek() != ch) {
                throw new BadInputException("expected '" + ch + "' at byte " + i);
            }
            i++;
        }

        boolean matchesRest(byte[] word) {
            int end = b.length;
            while (end > i && (b[end - 1] == ' ' || b[end - 1] == '\n' || b[end - 1] == '\r' || b[end - 1] == '\t')) {
                end--;
            }
            if (end - i != word.length) {
                return false;
            }
            for (int k = 0; k < word.length; k++) {
                if (b[i + k] != word[k]) {
                    return false;
                }
            }
            return true;
        }

        String string() throws BadInputException {
            if (peek() != '"') {
                throw new BadInputException("expected a string at byte " + i);
            }
            i++;
            int start = i;
            boolean plain = true;
            while (true) {
                int ch = peek();
                if (ch == '"') {
                    break;
                }
                if (ch < 0x20) {
                    throw new BadInputException("control character in a string at byte " + i);
                }
                if (ch == '\\') {
                    plain = false;
                    i += 2;
                } else {
                    i++;
                }
            }
            int end = i;
            i++;
            if (plain) {
                return new String(b, start, end - start, StandardCharsets.UTF_8);
            }
            return unescape(start, end);
        }

        private String unescape(int start, int end) throws BadInputException {
            StringBuilder out = new StringBuilder(end - start);
            int k = start;
            while (k < end) {
                byte ch = b[k];
                if (ch != '\\') {
                    int runEnd = k;
                    while (runEnd < end && b[runEnd] != '\\') {
                        runEnd++;
                    }
                    out.append(new String(b, k, runEnd - k, StandardCharsets.UTF_8));
                    k = runEnd;
                    continue;
                }
                if (k + 1 >= end) {
                    throw new BadInputException("bad escape at byte " + k);
                }
                byte e = b[k + 1];
                switch (e) {
                    case '"', '\\', '/' -> out.append((char) e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (k + 6 > end) {
                            throw new BadInputException("bad \\u escape at byte " + k);
                        }
                        try {
                            out.append((char) Integer.parseInt(new String(b, k + 2, 4, StandardCharsets.US_ASCII), 16));
                        } catch (NumberFormatException bad) {
                            throw new BadInputException("bad \\u escape at byte " + k);
                        }
                        k += 4;
                    }
                    default -> throw new BadInputException("bad escape at byte " + k);
                }
                k += 2;
            }
            return out.toString();
        }

        double number(String field) throws BadInputException {
            int start = i;
            if (i < b.length && b[i] == '-') {
                i++;
            }
            int intStart = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == intStart || (b[intStart] == '0' && i - intStart > 1)) {
                throw new BadInputException(field + ": must be a number");
            }
            if (i < b.length && b[i] == '.') {
                i++;
                int fracStart = i;
                while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                    i++;
                }
                if (i == fracStart) {
                    throw new BadInputException(field + ": must be a number");
                }
            }
            if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
                i++;
                if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                    i++;
                }
                int expStart = i;
                while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                    i++;
                }
                if (i == expStart) {
                    throw new BadInputException(field + ": must be a number");
                }
            }
            double value = Double.parseDouble(new String(b, start, i - start, StandardCharsets.US_ASCII));
            if (!Double.isFinite(value)) {
                throw new BadInputException(field + ": must be a finite number");
            }
            return value;
        }

        boolean bool(String field) throws BadInputException {
            if (matchWord("true")) {
                return true;
            }
            if (matchWord("false")) {
                return false;
            }
            throw new BadInputException(field + ": must be true or false");
        }

        private boolean matchWord(String word) {
            if (i + word.length() > b.length) {
                return false;
            }
            for (int k = 0; k < word.length(); k++) {
                if (b[i + k] != word.charAt(k)) {
                    return false;
                }
            }
            i += word.length();
            return true;
        }
    }
}
