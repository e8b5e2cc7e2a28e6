package io.neuromesh.broker;

import java.io.Serial;

/**
 * The embedded broker could not start. The message is one line that says why, for example
 * {@code port 1883 on 127.0.0.1 is already in use}.
 *
 * @since 0.1
 */
public final class BrokerException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line that says what went wrong, without a trailing period
     */
    public BrokerException(String message) {
        super(message);
    }

    /**
     * @param message one line that says what went wrong, without a trailing period
     * @param cause   the underlying failure, kept for the stack trace
     */
    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
