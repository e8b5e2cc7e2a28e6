package io.neuromesh.topology.internal.serialize;

/**
 * Compact JSON onto a {@link CanonicalOut}, escaping strings exactly as Gson's {@code JsonWriter} does with HTML
 * escaping off (the canonical form, and so every content hash, was defined with it): the quote and the backslash,
 * control characters as their short escapes (tab, newline...) or as a four-digit lowercase unicode escape, and U+2028
 * and U+2029 as unicode escapes; everything else as it is. Not thread-safe.
 */
final class JsonEmitter {

    private static final int MAX_DEPTH = 8;
    // Whole numbers below this magnitude are written without ".0"; beyond it doubles are no longer exact integers.
    private static final double PLAIN_INTEGER_LIMIT = 1e15;
    private static final String[] ESCAPES = new String[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = String.format("\\u%04x", c);
        }
        ESCAPES['"'] = "\\\"";
        ESCAPES['\\'] = "\\\\";
        ESCAPES['\t'] = "\\t";
        ESCAPES['\b'] = "\\b";
        ESCAPES['\n'] = "\\n";
        ESCAPES['\r'] = "\\r";
        ESCAPES['\f'] = "\\f";
    }

    private final CanonicalOut out;
    /** Per open object or array: whether it has a member or element yet (a comma goes before the next). */
    private final boolean[] filled = new boolean[MAX_DEPTH];
    private int depth;
    private boolean afterName;
    /** The last double written and its text: weights and thresholds repeat (100,000 neurons, a few values). */
    private long lastNumberBits = Double.doubleToRawLongBits(Double.NaN);
    private String lastNumberText = "NaN";

    JsonEmitter(CanonicalOut out) {
        this.out = out;
    }

    JsonEmitter beginObject() {
        return open('{');
    }

    JsonEmitter endObject() {
        return close('}');
    }

    JsonEmitter beginArray() {
        return open('[');
    }

    JsonEmitter endArray() {
        return close(']');
    }

    JsonEmitter name(String name) {
        separate();
        string(name);
        out.ascii(':');
        afterName = true;
        return this;
    }

    JsonEmitter value(String value) {
        beforeValue();
        string(value);
        return this;
    }

    JsonEmitter value(long value) {
        return literal(Long.toString(value));
    }

    /** A number in the canonical form: a whole number without a fraction, any other as {@link Double#toString}. */
    JsonEmitter value(double value) {
        long bits = Double.doubleToRawLongBits(value);
        if (bits != lastNumberBits) {
            lastNumberBits = bits;
            lastNumberText = value == Math.rint(value) && Math.abs(value) < PLAIN_INTEGER_LIMIT
                    ? Long.toString((long) value) : Double.toString(value);
        }
        return literal(lastNumberText);
    }

    JsonEmitter value(boolean value) {
        return literal(value ? "true" : "false");
    }

    /** A number, true or false already in JSON form. */
    JsonEmitter literal(String json) {
        beforeValue();
        out.text(json);
        return this;
    }

    private JsonEmitter open(char bracket) {
        beforeValue();
        out.ascii(bracket);
        filled[++depth] = false;
        return this;
    }

    private JsonEmitter close(char bracket) {
        depth--;
        out.ascii(bracket);
        return this;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
        } else {
            separate();
        }
    }

    private void separate() {
        if (depth > 0) {
            if (filled[depth]) {
                out.ascii(',');
            }
            filled[depth] = true;
        }
    }

    private void string(String value) {
        out.ascii('"');
        out.escaped(value);
        out.ascii('"');
    }

    /** @return true when {@code c} is ASCII and written as it is inside a JSON string: most characters, checked first */
    static boolean plainAscii(char c) {
        return c < 128 && ESCAPES[c] == null;
    }

    /** @return how {@code c} is written inside a JSON string, or null when it is written as it is */
    static String escape(char c) {
        return c < 128 ? ESCAPES[c] : c == '\u2028' ? "\\u2028" : c == '\u2029' ? "\\u2029" : null;
    }
}
