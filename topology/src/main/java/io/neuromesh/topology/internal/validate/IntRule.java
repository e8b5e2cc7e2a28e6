package io.neuromesh.topology.internal.validate;

/** A rule on an integer field, shared by the parser and the record constructors. */
@FunctionalInterface
public interface IntRule {

    /**
     * @param value the value (out-of-range JSON literals arrive clamped to the long range)
     * @param shown how to show the value in the message (the JSON literal, or the record's value)
     * @return what is wrong, phrased to follow {@code "<field>: "}, or null when valid
     */
    String problem(long value, String shown);
}
