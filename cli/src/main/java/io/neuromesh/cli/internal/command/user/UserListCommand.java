package io.neuromesh.cli.internal.command.user;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.broker.User;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.options.JsonOption;
import io.neuromesh.cli.internal.view.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code neuromesh user list}: names and roles, never hashes. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "list the users and their roles")
public final class UserListCommand implements Callable<Integer> {

    @Mixin
    private UserFileOption users;
    @Mixin
    private JsonOption json;

    @Override
    public Integer call() {
        List<User> list;
        try {
            list = users.file().list();
        } catch (IllegalStateException e) {
            throw new CommandFailedException(e.getMessage());
        }
        PrintStream out = users.out();
        if (json.enabled()) {
            JsonArray array = new JsonArray();
            list.forEach(user -> {
                JsonObject object = new JsonObject();
                object.addProperty("name", user.name());
                object.addProperty("role", user.role().text());
                array.add(object);
            });
            JsonOption.print(out, array);
        } else if (list.isEmpty()) {
            out.println("no users in " + users.file().path() + ": the broker is open (loopback only)");
        } else {
            Table table = new Table("NAME", "ROLE");
            list.forEach(user -> table.row(user.name(), user.role().text()));
            table.lines().forEach(out::println);
        }
        return 0;
    }
}
