package io.neuromesh.bench;

/**
 * How a scenario's measurement compares with its target.
 *
 * @since 0.1
 */
public enum Verdict {
    /** The target is met. */
    MET,
    /** The target is missed; the result's note says by how much and what stands in the way. */
    MISSED,
    /** There is no target: the number is printed for reference (the broker floor). */
    PRINTED,
    /** The scenario could not run here (e.g. mosquitto is not installed); the note says why. */
    SKIPPED,
    /** The scenario broke (an error, lost messages where none may be lost); the note has the reason. */
    FAILED
}
