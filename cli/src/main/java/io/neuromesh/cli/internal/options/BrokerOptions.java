package io.neuromesh.cli.internal.options;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.fleet.RunningTopology;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.flows.FlowClient;
import io.neuromesh.mqtt.Credentials;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.LoginRefusedException;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.Tls;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * How a command reaches the broker: {@code --broker}, else {@code $NEUROMESH_BROKER}, else {@link #DEFAULT_BROKER};
 * and the clients opened with it. The one place for connection options: credentials and TLS belong here, next to
 * the address, and reach every command through {@link #fleet()} and {@link #flowClient()}.
 */
public final class BrokerOptions {

    /** The broker of a single machine. */
    public static final String DEFAULT_BROKER = "tcp://127.0.0.1:1883";
    /** The environment variable that overrides {@link #DEFAULT_BROKER}. */
    public static final String BROKER_ENV = "NEUROMESH_BROKER";
    /** How long a command waits for the broker to accept its connection over plain TCP. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /**
     * The same over TLS: a command's JVM does its first handshake cold (key agreement, certificate checks, the JSSE
     * set-up), which on a Pi or a busy machine alone can take seconds.
     */
    public static final Duration TLS_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long the TCP probe after a failed connection waits: a local or LAN broker accepts within it. */
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    @Option(names = "--broker", paramLabel = "URL", description = "broker address, tcp://host:port, or ssl://host:port"
            + " for MQTT over TLS (default: $" + BROKER_ENV + ", else " + DEFAULT_BROKER + ")")
    private String broker = DEFAULT_BROKER;
    @Mixin
    private UserOptions user;
    @Option(names = "--ca", paramLabel = "FILE", description = "with ssl://: trust only the CA certificates in FILE"
            + " (PEM; the broker's tls/ca.crt from certs init); default: the JVM's CAs")
    private Path ca;

    /**
     * Sets the broker and how to reach it on a link: the address ({@code --broker}), the CAs to trust
     * ({@code --ca}) and the user ({@code --user}); the one place every client of a command gets them from.
     *
     * @throws UsageException when an option is wrong, e.g. {@code --user} without a password or a password file
     *                        that cannot be read
     */
    public void configure(LinkConfig.Builder link) {
        link.broker(uri()).tls(tls()).credentials(user.credentials());
    }

    /**
     * @return the user to log in as ({@code --user} and its password), or null to connect anonymously
     * @throws UsageException when there is a user but no password
     */
    public Credentials credentials() {
        return user.credentials();
    }

    /**
     * @return the CAs to trust, or null for a {@code tcp://} broker (an {@code ssl://} one then trusts the JVM's CAs)
     * @throws UsageException when {@code --ca} is given for a {@code tcp://} broker or cannot be read
     */
    public Tls tls() {
        if (ca == null) {
            return null;
        }
        URI uri = uri();
        if (!"ssl".equals(uri.getScheme())) {
            throw new UsageException("--ca needs an ssl:// broker address, got " + uri);
        }
        try {
            return Tls.trustingCa(ca);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
    }

    /**
     * @return the broker's address
     * @throws UsageException when it is not a {@code tcp://host:port} or {@code ssl://host:port} address
     */
    public URI uri() {
        // $NEUROMESH_BROKER and the config file reach the field through the default value provider.
        String text = broker;
        URI uri = null;
        try {
            uri = LinkConfig.brokerUri(text);
        } catch (IllegalArgumentException malformed) {
            // Reported below, with what an address looks like.
        }
        if (uri == null || !("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new UsageException("--broker must look like tcp://host:port or ssl://host:port, got '" + text + "'");
        }
        return uri;
    }

    /** @return how long this command waits for the broker to accept its connection: longer over TLS */
    public Duration connectTimeout() {
        return "ssl".equals(uri().getScheme()) ? TLS_CONNECT_TIMEOUT : CONNECT_TIMEOUT;
    }

    /**
     * @return a connected fleet client; the caller closes it
     * @throws CommandFailedException when the broker cannot be reached within {@link #connectTimeout()}
     */
    public FleetClient fleet() {
        URI uri = uri();
        try {
            return FleetClient.connect(uri, connectTimeout(), this::configure);
        } catch (LoginRefusedException e) {
            throw new CommandFailedException(e.getMessage());
        } catch (MqttLinkException e) {
            throw unreachable(uri, e);
        }
    }

    /**
     * @return a started task-flow client; the caller closes it
     * @throws CommandFailedException when the broker cannot be reached within {@link #connectTimeout()}
     */
    public FlowClient flowClient() {
        URI uri = uri();
        try {
            return FlowClient.builder().link(this::configure).connectTimeout(connectTimeout()).connect();
        } catch (LoginRefusedException e) {
            throw new CommandFailedException(e.getMessage());
        } catch (MqttLinkException e) {
            throw unreachable(uri, e);
        }
    }

    /**
     * Connects a plain link with the command's broker, CAs and user: for what the fleet client cannot do with every
     * role (a node's user may not subscribe to the client's reply topic), such as checking a login.
     *
     * @return a started link; the caller closes it
     * @throws CommandFailedException when the broker cannot be reached within {@link #connectTimeout()} or refuses
     *                                the login
     */
    public MqttLink link() {
        URI uri = uri();
        LinkConfig.Builder builder = MqttLink.builder().clientId("neuromesh-cli-" + UUID.randomUUID().toString()
                .substring(0, 8)).startTimeout(connectTimeout());
        configure(builder);
        MqttLink link = MqttLink.create(builder.config());
        try {
            link.start();
            return link;
        } catch (LoginRefusedException e) {
            throw new CommandFailedException(e.getMessage());
        } catch (MqttLinkException e) {
            throw unreachable(uri, e);
        }
    }

    /**
     * Tells a broker that is not there from one that does not answer: a port that accepts TCP connections but gave
     * no MQTT answer in time is a timeout (a stopped or overloaded broker), not a missing broker.
     */
    private CommandFailedException unreachable(URI uri, MqttLinkException e) {
        if (e.getMessage().contains("certificate")) {
            // It answered: the handshake failed on the broker's certificate, which only --ca or certs init fixes.
            return new CommandFailedException(e.getMessage()
                    + (ca == null ? "; give its CA with --ca FILE (tls/ca.crt of its data folder)"
                    : "; check --ca, or make a certificate for this host with certs init --host"));
        }
        if (accepts(uri)) {
            return new CommandFailedException("no answer from the broker at " + uri + " within "
                    + RunningTopology.text(connectTimeout()) + ": it accepts connections but did not answer MQTT ("
                    + e.getMessage() + ")");
        }
        return new CommandFailedException("cannot reach the broker at " + uri + " (" + e.getMessage()
                + "); start one with ./neuromesh broker or pass --broker");
    }

    private static boolean accepts(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
