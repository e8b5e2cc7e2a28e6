package io.neuromesh.cli.internal;

/** The command ran but failed: its one-line reason is printed, exit code 1. */
public final class CommandFailedException extends RuntimeException {

    public CommandFailedException(String message) {
        super(message);
    }
}
