package io.neuromesh.cli.internal.command.user;

import io.neuromesh.broker.Role;
import io.neuromesh.cli.internal.options.IdConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code neuromesh user add <name> --role operator|node|viewer}: a new user, its password from standard input. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "add a user; the password is typed twice, or read from standard input when it is not a"
                + " terminal (a node's user name is its node id)")
public final class UserAddCommand implements Callable<Integer> {

    @Mixin
    private UserFileOption users;
    @Parameters(index = "0", paramLabel = "NAME", converter = IdConverter.class,
            description = "the user name (1-64 of A-Z a-z 0-9 _ -)")
    private String name;
    @Option(names = "--role", paramLabel = "ROLE", required = true, converter = RoleConverter.class,
            description = "operator (everything), node (an edge node; name = node id) or viewer (read only)")
    private Role role;
    @Option(names = "--password-stdin", description = "read the password from standard input even on a terminal")
    private boolean passwordStdin;

    @Override
    public Integer call() {
        char[] password = PasswordInput.read(name, passwordStdin);
        users.change(file -> file.add(name, role, password));
        users.out().println("added " + role.text() + " '" + name + "' to " + users.file().path());
        return 0;
    }
}
