package io.neuromesh.cli.internal.command;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.broker.TlsFiles;
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
    @Option(names = "--port", paramLabel = "PORT", description = "plain MQTT port (default: ${DEFAULT-VALUE}); 0 switches"
            + " the plain listener off (with --tls-port)")
    private int port = EmbeddedBroker.DEFAULT_PORT;
    @Option(names = "--tls-port", paramLabel = "PORT", description = "also serve MQTT over TLS on PORT (usually "
            + EmbeddedBroker.DEFAULT_TLS_PORT + ") with the certificate in DIR/tls (see: certs init)")
    private Integer tlsPort;
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
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be between 1 and 65535, or 0 for no plain listener; got " + port);
        }
        if (tlsPort != null && (tlsPort < 1 || tlsPort > 65_535)) {
            throw new UsageException("--tls-port must be between 1 and 65535, got " + tlsPort);
        }
        if (port == 0 && tlsPort == null) {
            throw new UsageException("--port 0 switches the plain listener off; give --tls-port for the TLS one");
        }
        // The users and the certificate live in the data folder; an in-memory broker reads them from the default
        // one (--data and --in-memory exclude each other, so storage.data is then the default).
        UserFile users = UserFile.in(storage.data);
        var builder = EmbeddedBroker.builder().port(port).plainListener(port != 0).bind(bind).userFile(users.path());
        if (tlsPort != null) {
            builder.tls(tlsPort, TlsFiles.in(storage.data));
        }
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
