package io.neuromesh.cli.internal.command;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.broker.UserFile;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Home;
import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.UsageException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code neuromesh broker}: the embedded HiveMQ CE broker until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "run the embedded MQTT 5 broker (HiveMQ CE) until Ctrl-C")
public final class BrokerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: ${DEFAULT-VALUE})")
    private int port = EmbeddedBroker.DEFAULT_PORT;
    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for a fleet)")
    private String bind = EmbeddedBroker.DEFAULT_BIND;
    @ArgGroup(exclusive = true)
    private Storage storage = new Storage();

    /** Where retained messages and sessions are kept: a folder, or nowhere. */
    static final class Storage {
        @Option(names = "--data", paramLabel = "DIR",
                description = "persistence folder, also holding the users (default: $" + Home.ENV
                        + "/broker, now ${DEFAULT-VALUE})")
        private Path data = Home.current().broker();
        @Option(names = "--in-memory", description = "keep nothing on disk (retained messages die with the broker)")
        private boolean inMemory;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 1 || port > 65_535) {
            throw new UsageException("--port must be between 1 and 65535, got " + port);
        }
        // The users live in the data folder; an in-memory broker reads them from the default one.
        UserFile users = UserFile.in(storage.data);
        var builder = EmbeddedBroker.builder().port(port).bind(bind).userFile(users.path());
        if (storage.inMemory) {
            builder.persistence(Persistence.IN_MEMORY);
        } else {
            builder.persistence(Persistence.FILE).dataDir(storage.data);
        }
        EmbeddedBroker broker = builder.build();
        try {
            broker.start();
        } catch (BrokerException e) {
            throw new CommandFailedException(e.getMessage());
        }
        PrintStream out = NeuromeshCommand.out(spec);
        int count = users.list().size();
        out.println(count == 0 ? "authentication: off (no users in " + users.path() + "; add one with ./neuromesh"
                + " user add NAME --role operator)" : "authentication: on (" + count + " user" + (count == 1 ? "" : "s")
                + ")");
        out.flush();
        // The broker logs where it listens; this thread only waits for Ctrl-C / SIGTERM.
        UntilShutdown.register("broker", broker::close).await();
        return 0;
    }
}
