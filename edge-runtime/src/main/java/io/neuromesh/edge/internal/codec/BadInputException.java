package io.neuromesh.edge.internal.codec;

/** A payload on {@code neuron/<id>} that is not a valid input; the message says what and where. */
public final class BadInputException extends Exception {

    public BadInputException(String message) {
        // Malformed inputs are counted, not debugged: skip the stack trace, it is the hot path of hostile traffic.
        super(message, null, false, false);
    }
}
