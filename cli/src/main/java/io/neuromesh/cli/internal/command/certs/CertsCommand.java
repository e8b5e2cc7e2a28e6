package io.neuromesh.cli.internal.command.certs;

import picocli.CommandLine.Command;

/** {@code neuromesh certs init}: the broker's TLS identity. */
@Command(name = "certs", mixinStandardHelpOptions = true,
        description = "create the private CA and broker certificate for MQTT over TLS",
        subcommands = InitCommand.class)
public final class CertsCommand {
}
