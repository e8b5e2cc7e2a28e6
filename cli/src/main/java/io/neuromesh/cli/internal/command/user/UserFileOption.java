package io.neuromesh.cli.internal.command.user;

import io.neuromesh.broker.UserFile;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Home;
import io.neuromesh.cli.internal.NeuromeshCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/** {@code --data DIR}: the broker data folder whose user file a {@code user} command reads or changes. */
public final class UserFileOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;
    @Option(names = "--data", paramLabel = "DIR",
            description = "the broker's data folder (default: $" + Home.ENV + "/broker, now ${DEFAULT-VALUE})")
    private Path data = Home.current().broker();

    /** @return the user file in the data folder */
    UserFile file() {
        return UserFile.in(data);
    }

    /** @return the stream the command's results go to */
    PrintStream out() {
        return NeuromeshCommand.out(spec);
    }

    /**
     * Changes the file, turning its refusals into one-line failures.
     *
     * @throws CommandFailedException saying why the change was not made
     */
    void change(Consumer<UserFile> change) {
        try {
            change.accept(file());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailedException(e.getMessage());
        }
    }
}
