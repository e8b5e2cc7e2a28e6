package io.neuromesh.cli.internal.command.user;

import io.neuromesh.cli.internal.options.IdConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code neuromesh user remove <name>}. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "remove a user")
public final class UserRemoveCommand implements Callable<Integer> {

    @Mixin
    private UserFileOption users;
    @Parameters(index = "0", paramLabel = "NAME", converter = IdConverter.class, description = "the user name")
    private String name;

    @Override
    public Integer call() {
        users.change(file -> file.remove(name));
        users.out().println("removed '" + name + "'; its open connections stay until they reconnect");
        return 0;
    }
}
