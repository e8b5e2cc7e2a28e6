package io.neuromesh.cli.internal.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the settings are read from besides the command line: the process's environment variables and the config file
 * used when neither {@code --config} nor {@code $NEUROMESH_CONFIG} names one. Tests pass their own.
 *
 * @param variables     the environment
 * @param defaultConfig the config file read when it exists and no other is named
 */
public record Environment(Map<String, String> variables, Path defaultConfig) {

    /** The config file of an installed system. */
    public static final Path DEFAULT_CONFIG = Path.of("/etc/neuromesh/neuromesh.conf");
    /** The variable naming the config file. */
    public static final String CONFIG_ENV = "NEUROMESH_CONFIG";

    public Environment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(defaultConfig, "defaultConfig: must not be null");
    }

    /** @return this process's environment and {@link #DEFAULT_CONFIG} */
    public static Environment current() {
        return new Environment(System.getenv(), DEFAULT_CONFIG);
    }

    /** @return the variable's value, or null when it is unset or blank (a blank variable counts as unset) */
    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
