package io.neuromesh.flows;

/**
 * Thrown by {@link TaskResult#orThrow()} for an error result; the message is the result's error text.
 *
 * @since 0.1
 */
public class TaskFailedException extends RuntimeException {

    private final transient TaskResult result;

    /** The exception for an error result. */
    public TaskFailedException(TaskResult result) {
        super(result.task() + " (" + result.id() + ") " + result.errorKind().wireName() + ": " + result.error());
        this.result = result;
    }

    /** The error result. */
    public TaskResult result() {
        return result;
    }
}
