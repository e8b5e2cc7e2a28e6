package io.neuromesh.edge.internal.neuron;

/** Number formatting shared by logs and payloads: integral values print without a fraction. */
public final class Numbers {

    private Numbers() {
    }

    /** {@code 1.0 -> "1"}, {@code -2.0 -> "-2"}, {@code 0.25 -> "0.25"}. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
