package io.neuromesh.cli.internal;

/** The command line is wrong: printed with a hint to {@code --help}, exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
