package io.neuromesh.gpio;

import java.io.Serial;

/**
 * GPIO hardware is missing, unreachable or refused a request. The message is one line that says why and, where
 * there is one, what to do, for example {@code permission denied on /dev/gpiochip0: add the user to the gpio group
 * (sudo usermod -aG gpio $USER) and log in again}.
 *
 * @since 0.1
 */
public final class GpioException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line that says what went wrong, without a trailing period
     */
    public GpioException(String message) {
        super(message);
    }

    /**
     * @param message one line that says what went wrong, without a trailing period
     * @param cause   the underlying failure, kept for the stack trace
     */
    public GpioException(String message, Throwable cause) {
        super(message, cause);
    }
}
