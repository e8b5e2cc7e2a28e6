package io.neuromesh.topology.internal.validate;

/** A rule on a number field, shared by the parser and the record constructors. */
@FunctionalInterface
public interface NumberRule {

    /**
     * @param value the value (JSON literals too large for a double arrive as infinity)
     * @param shown how to show the value in the message (the JSON literal, or the record's value)
     * @return what is wrong, phrased to follow {@code "<field>: "}, or null when valid
     */
    String problem(double value, String shown);
}
