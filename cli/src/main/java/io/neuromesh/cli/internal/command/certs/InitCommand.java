package io.neuromesh.cli.internal.command.certs;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.Certificates;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.TlsFiles;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Home;
import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code certs init [--data DIR] [--host NAME ...] [--days N] [--force]}: a private CA and a broker certificate
 * signed by it, in {@code DIR/tls}.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "create a private CA and a broker certificate signed by it in DIR/tls (ca.crt for clients)")
final class InitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Option(names = "--data", paramLabel = "DIR",
            description = "the broker's data folder (default: $" + Home.ENV + "/broker, now ${DEFAULT-VALUE})")
    private Path data = Home.current().broker();
    @Option(names = "--host", paramLabel = "NAME", description = "a further host name or IP address clients use to"
            + " reach the broker (repeatable); localhost, 127.0.0.1 and this machine's name are always in")
    private List<String> hosts = new ArrayList<>();
    @Option(names = "--days", paramLabel = "N", description = "how long the broker certificate is valid, in days"
            + " (default: ${DEFAULT-VALUE})")
    private int days = (int) Certificates.DEFAULT_VALIDITY.toDays();
    @Option(names = "--force", description = "replace an existing CA (every client then needs the new ca.crt)")
    private boolean force;

    @Override
    public Integer call() {
        if (days < 1) {
            throw new UsageException("--days must be at least 1, got " + days);
        }
        List<String> names = new ArrayList<>(Certificates.defaultNames());
        names.addAll(hosts);
        TlsFiles files = TlsFiles.in(data);
        Certificates.Issued issued;
        try {
            issued = Certificates.init(files, names, Duration.ofDays(days), force);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        } catch (IllegalStateException e) {
            throw new CommandFailedException(e.getMessage() + "; --force replaces it");
        } catch (BrokerException e) {
            throw new CommandFailedException(e.getMessage());
        }
        PrintStream out = NeuromeshCommand.out(spec);
        out.println("created a private CA and a broker certificate in " + files.dir() + ":");
        out.println("  ca.crt      the CA certificate: give it to every client (--ca " + files.caCertificate()
                + ", mosquitto_sub --cafile)");
        out.println("  ca.key      the CA key, readable by you only: keep it secret");
        out.println("  broker.crt  valid for " + String.join(", ", issued.names()) + " until "
                + issued.notAfter().atZone(ZoneOffset.UTC).toLocalDate());
        out.println("  broker.key  the broker key, readable by you only");
        out.println("next: ./neuromesh broker --data " + data + " --tls-port " + EmbeddedBroker.DEFAULT_TLS_PORT
                + " (add --port 0 to serve TLS only)");
        return 0;
    }
}
