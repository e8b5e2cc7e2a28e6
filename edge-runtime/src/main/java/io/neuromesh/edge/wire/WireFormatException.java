package io.neuromesh.edge.wire;

/**
 * A payload that is not a valid message of the wire protocol; the message says what is wrong and where, e.g.
 * {@code node status: rev: must be a whole number >= 0, got "x"}.
 *
 * @since 0.1
 */
public final class WireFormatException extends Exception {

    /** @param message what is wrong and where */
    public WireFormatException(String message) {
        // Malformed payloads are counted and skipped, not debugged, and hostile traffic makes many of them:
        // no stack trace.
        super(message, null, false, false);
    }
}
