package io.neuromesh.cli.internal.command.user;

import io.neuromesh.cli.internal.options.IdConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code neuromesh user passwd <name>}: a new password for a user, from standard input. */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "set a user's password (typed twice, or read from standard input when it is not a terminal)")
public final class UserPasswdCommand implements Callable<Integer> {

    @Mixin
    private UserFileOption users;
    @Parameters(index = "0", paramLabel = "NAME", converter = IdConverter.class, description = "the user name")
    private String name;
    @Option(names = "--password-stdin", description = "read the password from standard input even on a terminal")
    private boolean passwordStdin;

    @Override
    public Integer call() {
        // An unknown user fails before a password is asked for.
        users.change(file -> file.find(name).orElseThrow(() -> new IllegalArgumentException("no user '" + name
                + "' in " + file.path() + "; add one with: user add " + name + " --role ROLE")));
        char[] password = PasswordInput.read(name, passwordStdin);
        users.change(file -> file.passwd(name, password));
        users.out().println("changed the password of '" + name + "'; its open connections stay until they reconnect");
        return 0;
    }
}
