package io.neuromesh.cli.internal.command.join;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.config.ConfigEditor;
import io.neuromesh.cli.internal.config.ConfigFile;
import io.neuromesh.cli.internal.config.ConfigFileException;
import io.neuromesh.cli.internal.config.ConfigLocation;
import io.neuromesh.cli.internal.config.CreatesConfig;
import io.neuromesh.cli.internal.config.Environment;
import io.neuromesh.cli.internal.config.LayeredDefaults;
import io.neuromesh.cli.internal.config.OptionCatalog;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.cli.internal.options.DurationConverter;
import io.neuromesh.cli.internal.options.HostNodeId;
import io.neuromesh.cli.internal.options.IdConverter;
import io.neuromesh.cli.internal.options.TimeoutOption;
import io.neuromesh.mqtt.MqttLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code neuromesh join --broker URL}: makes this machine a node of the fleet. It checks that the broker answers and
 * takes the login, writes the config file (only the keys it sets; comments and other keys stay), copies the password
 * and CA files beside it, and starts the edge service where systemd runs, waiting until the node is online; elsewhere
 * it prints the command that starts the node. Nothing is written when the broker check fails.
 */
@Command(name = "join", mixinStandardHelpOptions = true,
        description = {"join this machine to the fleet: check the broker and the login, write the config file"
                + " (--config, default /etc/neuromesh/neuromesh.conf), start the edge service and wait until the node"
                + " is online; without systemd, print the command that starts it",
                "Run it as root on an installed system: sudo neuromesh join --broker tcp://broker.lan:1883"})
public final class JoinCommand implements Callable<Integer>, CreatesConfig {

    static final String UNIT = "neuromesh-edge";
    /** How an installed node is started by hand: as the service's user, with the service's data folder. */
    static final String SERVICE_PREFIX = "sudo -u neuromesh NEUROMESH_HOME=/var/lib/neuromesh ";
    private static final Path INSTALLED_LAUNCHER = Path.of("/usr/bin/neuromesh");
    private static final Duration ONLINE_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    private CommandSpec spec;
    @Mixin
    private BrokerOptions broker;
    @Option(names = "--node", paramLabel = "ID", converter = IdConverter.class, description = "this node's id"
            + " (default: this host's name made to fit the id rule, as edge does)")
    private String node;
    @Mixin
    private TimeoutOption timeout = new TimeoutOption(ONLINE_TIMEOUT);

    @Override
    public Integer call() throws IOException, InterruptedException {
        LayeredDefaults layers = (LayeredDefaults) spec.defaultValueProvider();
        if (!spec.commandLine().getParseResult().hasMatchedOption("--broker")
                && layers.resolve(spec.findOption("--broker"), spec).isEmpty()) {
            throw new UsageException("join needs --broker URL: the broker of the fleet to join");
        }
        String id = node != null ? node : HostNodeId.get().orElseThrow(() -> new UsageException("cannot make a"
                + " node id of this host's name (" + HostNodeId.hostName().orElse("unknown") + "); give one with"
                + " --node"));
        ConfigLocation location = layers.location(spec);
        Path config = location.path().toAbsolutePath();
        Path dir = config.getParent();
        String user = spec.findOption("--user").getValue();
        Path passwordFile = spec.findOption("--password-file").getValue();
        Path ca = spec.findOption("--ca").getValue();
        if (user != null && passwordFile == null) {
            throw new UsageException("join --user needs --password-file FILE: the service reads the password from a"
                    + " file, never from the config file or the environment");
        }
        PrintStream out = NeuromeshCommand.out(spec);

        try (MqttLink ignored = broker.link()) {
            out.println("broker " + broker.uri() + " answers" + (user == null ? " (no login)" : "; logged in as "
                    + user));
        } catch (CommandFailedException e) {
            throw new CommandFailedException(e.getMessage() + "; nothing was written");
        }

        List<String> keys = new ArrayList<>();
        ConfigEditor editor = new ConfigEditor(Files.exists(config) ? Files.readAllLines(config,
                StandardCharsets.UTF_8) : List.of("# Neuromesh settings, written by neuromesh join; the format and"
                + " every key: docs/configuration.md"));
        editor.set(ConfigFile.GLOBAL, "broker", broker.uri().toString());
        keys.add("broker");
        if (user != null) {
            editor.set(ConfigFile.GLOBAL, "user", user);
            keys.add("user");
        }
        List<String> copied = new ArrayList<>();
        Path password = copy(passwordFile, dir.resolve("password"), "password", copied);
        if (password != null) {
            editor.set(ConfigFile.GLOBAL, "password-file", password.toString());
            keys.add("password-file");
        }
        Path caCopy = copy(ca, dir.resolve("ca.crt"), "CA", copied);
        if (caCopy != null) {
            editor.set(ConfigFile.GLOBAL, "ca", caCopy.toString());
            keys.add("ca");
        }
        editor.set("edge", "node", id);
        byte[] text = check(config, editor.lines());

        copied.forEach(out::println);
        out.println("wrote " + config + " (" + ServiceFiles.write(config, text) + "): " + String.join(", ", keys)
                + "; [edge] node = " + id);
        if (!Systemd.running()) {
            out.println("systemd is not running here, so no service was started; start the node with:");
            out.println("  " + startCommand(location));
            return 0;
        }
        // A status from before the (re)start does not count; two seconds of slack for the clocks' granularity.
        Instant restarted = Instant.now().minusSeconds(2);
        out.println(Systemd.enableAndStart(UNIT));
        Duration took = NodeOnline.await(broker, id, restarted, timeout.get());
        out.println("node " + id + " is online in the fleet (after " + DurationConverter.format(
                Duration.ofMillis(took.toMillis())) + ")");
        return 0;
    }

    /**
     * Copies {@code from} to {@code to} for the service, unless it is that file already.
     *
     * @return {@code to}, or null when there is nothing to copy
     */
    private static Path copy(Path from, Path to, String what, List<String> copied) throws IOException {
        if (from == null) {
            return null;
        }
        if (Files.exists(from) && Files.exists(to) && Files.isSameFile(from, to)) {
            return to;
        }
        byte[] content;
        try {
            content = Files.readAllBytes(from);
        } catch (IOException e) {
            throw new UsageException("cannot read the " + what + " file " + from + " (" + e.getMessage() + ")");
        }
        copied.add("copied the " + what + " file to " + to + " (" + ServiceFiles.write(to, content) + ")");
        return to;
    }

    /** @return the file's text, once it reads back as a valid config file */
    private byte[] check(Path config, List<String> lines) {
        try {
            new OptionCatalog(spec.root()).check(ConfigFile.parse(config, lines));
        } catch (ConfigFileException e) {
            throw new CommandFailedException("the config file would not be valid, so it was not written: "
                    + e.getMessage());
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** @return the command that starts the node by hand, as this system runs it */
    static String startCommand(ConfigLocation location) {
        boolean installed = Files.isExecutable(INSTALLED_LAUNCHER);
        String launcher = installed ? "neuromesh" : "./neuromesh";
        String prefix = installed && ServiceFiles.serviceUserExists() ? SERVICE_PREFIX : "";
        boolean defaultFile = location.path().toAbsolutePath().equals(Environment.DEFAULT_CONFIG);
        return prefix + launcher + " edge" + (defaultFile ? "" : " --config " + location.path().toAbsolutePath());
    }
}
