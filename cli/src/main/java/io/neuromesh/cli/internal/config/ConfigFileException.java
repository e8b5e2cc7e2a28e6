package io.neuromesh.cli.internal.config;

/**
 * A config file that cannot be used, or an environment variable with a bad value: the message says what and where
 * ({@code /etc/neuromesh/neuromesh.conf:3: ...}). Nothing of the file is used when it is thrown.
 */
public final class ConfigFileException extends RuntimeException {

    public ConfigFileException(String message) {
        super(message);
    }
}
