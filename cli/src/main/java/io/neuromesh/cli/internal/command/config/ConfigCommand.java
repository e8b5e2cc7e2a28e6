package io.neuromesh.cli.internal.command.config;

import picocli.CommandLine.Command;

/** {@code neuromesh config show}: the settings in effect; the file format is in docs/configuration.md. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "show the settings in effect and where each comes from (see docs/configuration.md)",
        subcommands = {ConfigShowCommand.class})
public final class ConfigCommand {
}
