package io.neuromesh.edge.wire;

import java.nio.charset.StandardCharsets;

/**
 * A read position over a hot-path payload's bytes: just enough JSON (objects of strings, numbers and booleans) to
 * read inputs and outputs without building a tree. Errors say what and at which byte. Not thread-safe (one per
 * decode).
 */
final class JsonCursor {

    /** Reads the value of one key; the cursor stands on the value (spaces skipped). */
    interface FieldReader {
        void read(String key, JsonCursor cursor) throws WireFormatException;
    }

    private final byte[] b;
    private int i;

    JsonCursor(byte[] bytes) {
        this.b = bytes;
    }

    /**
     * Reads a whole payload that is one object: {@code {"key":value,...}} with nothing but spaces around it.
     *
     * @return how many fields it had
     */
    int object(FieldReader fields) throws WireFormatException {
        skipSpace();
        expect('{');
        skipSpace();
        int count = 0;
        if (peek() == '}') {
            advance();
        } else {
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                fields.read(key, this);
                count++;
                skipSpace();
                if (peek() == ',') {
                    advance();
                    continue;
                }
                expect('}');
                break;
            }
        }
        skipSpace();
        if (!atEnd()) {
            throw new WireFormatException("unexpected data after the object at byte " + position());
        }
        return count;
    }

    /** A whole number >= 0, e.g. epoch milliseconds; {@code what} completes the error message. */
    long wholeNumber(String field, String what) throws WireFormatException {
        double value = number(field);
        if (value < 0 || value != Math.rint(value) || value >= 0x1p63) {
            throw new WireFormatException(field + ": must be " + what);
        }
        return (long) value;
    }

    /** The string value of {@code field}, refusing any other type. */
    String text(String field) throws WireFormatException {
        if (peek() != '"') {
            throw new WireFormatException(field + ": must be a string");
        }
        return string();
    }

    /** Refuses a key given twice ({@code seen}: it was read before). */
    static void once(boolean seen, String key) throws WireFormatException {
        if (seen) {
            throw new WireFormatException(key + ": given twice");
        }
    }

    /** Reads the value of {@code "v"} of {@code message} and refuses a version this code does not read. */
    void version(String message, boolean seen) throws WireFormatException {
        once(seen, WireVersion.KEY);
        WireVersion.check(message, wholeNumber(WireVersion.KEY, "a version (a whole number >= 1)"));
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    boolean atEnd() {
        return i >= b.length;
    }

    int position() {
        return i;
    }

    int peek() throws WireFormatException {
        if (i >= b.length) {
            throw new WireFormatException("unexpected end of input at byte " + i);
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

    void expect(char ch) throws WireFormatException {
        if (peek() != ch) {
            throw new WireFormatException("expected '" + ch + "' at byte " + i);
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

    String string() throws WireFormatException {
        if (peek() != '"') {
            throw new WireFormatException("expected a string at byte " + i);
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
                throw new WireFormatException("control character in a string at byte " + i);
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

    private String unescape(int start, int end) throws WireFormatException {
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
                throw new WireFormatException("bad escape at byte " + k);
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
                        throw new WireFormatException("bad \\u escape at byte " + k);
                    }
                    try {
                        out.append((char) Integer.parseInt(new String(b, k + 2, 4, StandardCharsets.US_ASCII), 16));
                    } catch (NumberFormatException bad) {
                        throw new WireFormatException("bad \\u escape at byte " + k);
                    }
                    k += 4;
                }
                default -> throw new WireFormatException("bad escape at byte " + k);
            }
            k += 2;
        }
        return out.toString();
    }

    double number(String field) throws WireFormatException {
        int start = i;
        if (i < b.length && b[i] == '-') {
            i++;
        }
        int intStart = i;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == intStart || (b[intStart] == '0' && i - intStart > 1)) {
            throw notANumber(field, start);
        }
        if (i < b.length && b[i] == '.') {
            i++;
            int fracStart = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == fracStart) {
                throw notANumber(field, start);
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
                throw notANumber(field, start);
            }
        }
        double value = Double.parseDouble(new String(b, start, i - start, StandardCharsets.US_ASCII));
        if (!Double.isFinite(value)) {
            throw notANumber(field, start);
        }
        return value;
    }

    /** Says what stands where a number was expected: {@code value: must be a finite number, got "high"}. */
    private WireFormatException notANumber(String field, int start) {
        int end = start;
        if (end < b.length && b[end] == '"') {
            do {
                end++;
            } while (end < b.length && b[end] != '"');
            end = Math.min(b.length, end + 1);
        } else {
            while (end < b.length && ",}] \t\r\n".indexOf(b[end]) < 0) {
                end++;
            }
        }
        String got = end == start ? "nothing" : abbreviate(new String(b, start, end - start, StandardCharsets.UTF_8));
        return new WireFormatException(field + ": must be a finite number, got " + got);
    }

    boolean bool(String field) throws WireFormatException {
        if (matchWord("true")) {
            return true;
        }
        if (matchWord("false")) {
            return false;
        }
        throw new WireFormatException(field + ": must be true or false");
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
