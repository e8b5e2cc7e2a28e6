package io.neuromesh.cli.internal.options;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/**
 * {@code --config FILE}, accepted before or after the command name: the config file to read instead of
 * {@code $NEUROMESH_CONFIG} or {@code /etc/neuromesh/neuromesh.conf}. Read by the default value provider, which finds
 * it on the command being parsed or one of its parents.
 */
public final class ConfigOption {

    /** The option's name. */
    public static final String NAME = "--config";

    @Option(names = NAME, paramLabel = "FILE", scope = ScopeType.INHERIT, description = "read settings from FILE"
            + " (default: $NEUROMESH_CONFIG, else /etc/neuromesh/neuromesh.conf when it exists); see config show")
    private Path config;
}
