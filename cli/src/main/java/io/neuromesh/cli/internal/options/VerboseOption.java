package io.neuromesh.cli.internal.options;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --verbose}, accepted before or after the command name ({@code neuromesh --verbose nodes}, {@code neuromesh
 * nodes --verbose}): log debug details to stderr. Read from the parse result when logging is configured.
 */
public final class VerboseOption {

    /** The option's name, as the parse result is asked for it. */
    public static final String NAME = "--verbose";

    @Option(names = NAME, scope = ScopeType.INHERIT, description = "log debug details to stderr")
    private boolean verbose;
}
