package io.neuromesh.topology.internal.json;

import java.math.BigDecimal;

/** Reads JSON number literals exactly as written, so that {@code 1.5} is not silently taken for an integer. */
public final class Numbers {

    private static final int SHOWN_LENGTH = 40;
    // Literals longer than this are judged through a double: exact big-number arithmetic on a huge literal
    // would let one message burn seconds of CPU.
    private static final int EXACT_LENGTH = 64;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final double TWO_POW_63 = 0x1p63;

    private Numbers() {
    }

    /**
     * @param literal a JSON number literal
     * @return its value when it is a whole number (beyond the long range: clamped to it), or null when it has a
     *         fractional part
     */
    public static Long integerValue(String literal) {
        if (isPlainLong(literal)) {
            return Long.parseLong(literal);
        }
        if (literal.length() > EXACT_LENGTH) {
            return integerOfDouble(Double.parseDouble(literal));
        }
        BigDecimal value;
        try {
            value = new BigDecimal(literal);
        } catch (NumberFormatException exponentBeyondIntRange) {
            // Such a literal is either astronomically large (clamped) or vanishingly small (not a whole number).
            double approximation = Double.parseDouble(literal);
            return Double.isInfinite(approximation) ? integerOfDouble(approximation) : null;
        }
        if (value.signum() == 0) {
            return 0L;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            return null;
        }
        if (value.compareTo(LONG_MAX) > 0) {
            return Long.MAX_VALUE;
        }
        if (value.compareTo(LONG_MIN) < 0) {
            return Long.MIN_VALUE;
        }
        return value.longValueExact();
    }

    /** @return the literal as a double; literals beyond the double range become infinite */
    public static double doubleValue(String literal) {
        return Double.parseDouble(literal);
    }

    /** @return the literal, cut short for an error message */
    public static String shown(String literal) {
        return literal.length() <= SHOWN_LENGTH ? literal : literal.substring(0, SHOWN_LENGTH) + "...";
    }

    private static Long integerOfDouble(double value) {
        if (Double.isInfinite(value) || Math.abs(value) >= TWO_POW_63) {
            return value > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return value == Math.rint(value) ? (long) value : null;
    }

    private static boolean isPlainLong(String literal) {
        int start = literal.startsWith("-") ? 1 : 0;
        int digits = literal.length() - start;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (int i = start; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
