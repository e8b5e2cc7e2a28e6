package io.neuromesh.cli.internal.config;

/**
 * Marks a command that writes the config file ({@code join}): for it, a config file named by {@code --config} or
 * {@code $NEUROMESH_CONFIG} may be missing, since the command creates it.
 */
public interface CreatesConfig {
}
