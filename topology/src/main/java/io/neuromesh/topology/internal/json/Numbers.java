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
    private static final long TWO_POW_53 = 1L << 53;
    private static final int MAX_FAST_FRACTION = 22;
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

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

    /**
     * @param literal a JSON number literal
     * @return its value as a double, correctly rounded as {@link Double#parseDouble} gives it; literals beyond the
     *         double range become infinite
     */
    public static double doubleValue(String literal) {
        // Most literals in a topology (weights, thresholds: 1, -0.5, 0.35) take the exact fast path; the JDK's
        // parser allocates two objects per literal, 600,000 for the synapses of 100,000 neurons.
        double fast = exactDouble(literal);
        return Double.isNaN(fast) ? Double.parseDouble(literal) : fast;
    }

    /**
     * Clinger's fast path: a literal without exponent whose digits form a whole number below 2^53, with at most 22
     * of them after the point, is that number divided by a power of ten, both exact doubles, so the one correctly
     * rounded division gives the correctly rounded value.
     *
     * @return the value, or NaN when the literal is outside the fast path
     */
    private static double exactDouble(String literal) {
        int n = literal.length();
        boolean negative = literal.startsWith("-");
        int i = negative ? 1 : 0;
        long digits = 0;
        int fraction = 0;
        boolean inFraction = false;
        for (; i < n; i++) {
            char c = literal.charAt(i);
            if (c >= '0' && c <= '9') {
                // Stopping at 2^53 also keeps the next multiplication far from overflowing a long.
                digits = digits * 10 + (c - '0');
                if (digits >= TWO_POW_53) {
                    return Double.NaN;
                }
                fraction += inFraction ? 1 : 0;
            } else if (c == '.' && !inFraction) {
                inFraction = true;
            } else {
                break;
            }
        }
        if (i < n) {
            return Double.NaN; // an exponent: rare in a topology
        }
        if (fraction > MAX_FAST_FRACTION) {
            return Double.NaN;
        }
        double value = digits / POWERS_OF_TEN[fraction];
        return negative ? -value : value;
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
