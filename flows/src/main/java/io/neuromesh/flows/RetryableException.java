package io.neuromesh.flows;

/**
 * Thrown by a {@link Task} for a failure worth trying again (a busy service, a flaky network). The worker runs the
 * task again after an exponential backoff, up to the retry limit the submitter set ({@link TaskCall#retries}); after
 * that the submitter gets an error result with this message. Any other exception fails the task at once.
 *
 * @since 0.1
 */
public class RetryableException extends RuntimeException {

    /** A retryable failure; {@code message} becomes the error text if the retries run out. */
    public RetryableException(String message) {
        super(message);
    }

    /** A retryable failure with its cause (logged on the worker, not sent). */
    public RetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
