package io.neuromesh.flows;

import java.util.Locale;

/**
 * Why a {@link TaskResult} is an error. On the wire the kind is its lower-case name ({@code unknown_task}).
 *
 * @since 0.1
 */
public enum ErrorKind {
    /** The task threw; the error is its message. */
    FAILED,
    /** The task ran longer than its timeout: {@code timeout after N ms}. */
    TIMEOUT,
    /** No task of that name on the worker that got it. */
    UNKNOWN_TASK,
    /**
     * The worker has the task but its operator did not enable it ({@code --tasks}, {@link EnabledTasks}).
     *
     * @since 0.2
     */
    NOT_ENABLED,
    /** The arguments do not decode into the task's argument type. */
    BAD_ARGUMENTS,
    /** The task message is not valid (not JSON, missing fields, out-of-range values). */
    MALFORMED,
    /** The arguments or the result exceed the payload limit (256 KiB by default). */
    TOO_LARGE,
    /** Revoked by the submitter before it ran. */
    REVOKED,
    /** No worker of the queue, or not the named worker, was online within the timeout. */
    NO_WORKER,
    /** The worker holds too many waiting tasks already. */
    REJECTED,
    /** The client was closed before the result arrived. */
    CLOSED;

    /** The name used in JSON, e.g. {@code unknown_task}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a JSON name; unknown names (from a newer worker) map to {@link #FAILED}. */
    public static ErrorKind fromWireName(String name) {
        if (name != null) {
            for (ErrorKind kind : values()) {
                if (kind.wireName().equals(name)) {
                    return kind;
                }
            }
        }
        return FAILED;
    }
}
