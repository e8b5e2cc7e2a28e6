package io.neuromesh.edge.internal.codec;

/**
 * A decoded message on {@code neuron/<id>}: either a weighted input or a fire command.
 *
 * @param fire     true for {@code {"fire":true}} or the plain text {@code fire}
 * @param from     the source id (null for a fire command)
 * @param value    the input value (finite)
 * @param tsMillis the sender's epoch milliseconds, or -1 when absent
 */
public record Input(boolean fire, String from, double value, long tsMillis) {

    private static final Input FIRE = new Input(true, null, 1, -1);

    /** The fire command. */
    public static Input fireCommand() {
        return FIRE;
    }
}
