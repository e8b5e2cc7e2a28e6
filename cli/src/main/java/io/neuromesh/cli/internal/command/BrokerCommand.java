package io.neuromesh.cli.internal.command;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.broker.TlsFiles;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Home;
import io.neuromesh.cli.internal.UsageException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code neuromesh broker}: the embedded HiveMQ CE broker until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "run the embedded MQTT 5 broker (HiveMQ CE) until Ctrl-C")
public final class BrokerCommand implements Callable<Integer> {

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
                description = "persistence folder (default: $" + Home.ENV + "/broker, now ${DEFAULT-VALUE})")
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
        var builder = EmbeddedBroker.builder().port(port).plainListener(port != 0).bind(bind);
        if (tlsPort != null) {
            // An in-memory broker keeps no data, but its certificate still lives in the usual folder.
            builder.tls(tlsPort, TlsFiles.in(storage.inMemory ? Home.current().broker() : storage.data));
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
        // The broker logs where it listens; this thread only waits for Ctrl-C / SIGTERM.
        UntilShutdown.register("broker", broker::close).await();
        return 0;
    }
}
