package io.neuromesh.cli.internal.command.user;

import picocli.CommandLine.Command;

/**
 * {@code neuromesh user add|list|remove|passwd}: the users of the embedded broker, in the user file of its data
 * folder. A running broker picks changes up at the next connection; once the file holds a user, every client must log
 * in.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "manage the embedded broker's users (roles: operator, node, viewer; see docs/security.md)",
        subcommands = {UserAddCommand.class, UserListCommand.class, UserRemoveCommand.class,
                UserPasswdCommand.class})
public final class UserCommand {
}
