package io.neuromesh.testkit.broker;

import io.neuromesh.broker.MosquittoBroker;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;


/**
 * A mosquitto process run from one of the site configurations of {@code docker/bridge/}, copied into a test folder
 * with only the listener port, the persistence folder and the bridge address changed ({@link #rewrite}).
 */
public final class SiteBroker implements TestBroker {

    private final MosquittoBroker process;
    private final Path config;

    private SiteBroker(MosquittoBroker process, Path config) {
        this.process = process;
        this.config = config;
    }

    /**
     * @param file       {@code site-a.conf} or {@code site-b.conf}
     * @param dir        the test's folder for the site's folder (configuration, log, database)
     * @param bridgePort where the bridge connects (site B only: a {@link TcpRelay} in front of site A), or 0
     */
    public static SiteBroker start(String file, Path dir, int bridgePort) {
        return start(file, dir, bridgePort, new String[0]);
    }

    /**
     * As {@link #start(String, Path, int)}, with {@code bridgeLines} added at the end of the file, which is the
     * bridge's section in {@code site-b.conf}: e.g. {@code remote_username} and {@code remote_password}, as
     * docs/federation.md tells a secured site to add.
     */
    public static SiteBroker start(String file, Path dir, int bridgePort, String... bridgeLines) {
        Path binary = MosquittoBroker.binary().orElseThrow(() -> new TestAbortedException(MosquittoBroker.MISSING));
        try {
            Path site = Files.createDirectories(dir.resolve(file.replace(".conf", "")));
            Path data = Files.createDirectories(site.resolve("data"));
            // Started as root, mosquitto drops to its own user, which must be able to write the database.
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
            int port = FreePorts.next();
            String config = rewrite(original(file), port, data, bridgePort)
                    + (bridgeLines.length == 0 ? "" : String.join("\n", bridgeLines) + "\n");
            return new SiteBroker(MosquittoBroker.start(binary, site, port, config), site.resolve("mosquitto.conf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file of {@code docker/bridge/} as it is in the repository */
    public static String original(String file) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docker/bridge"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker/bridge folder above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readString(dir.resolve("docker/bridge").resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documented configuration with this machine's port, folder and bridge address; nothing else changes. */
    public static String rewrite(String config, int port, Path data, int bridgePort) {
        return config.replaceFirst("(?m)^listener 1883$", "listener " + port + " 127.0.0.1")
                .replaceFirst("(?m)^persistence_location /var/lib/mosquitto/site-[ab]/$",
                        "persistence_location " + data.toAbsolutePath() + "/")
                .replaceFirst("(?m)^address site-a.example:1883$", "address 127.0.0.1:" + bridgePort);
    }

    /** @return the configuration file mosquitto runs with */
    public Path config() {
        return config;
    }

    @Override
    public void start() {
        process.start();
    }

    @Override
    public void stop() {
        process.stop();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public int port() {
        return process.port();
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.MOSQUITTO;
    }

    @Override
    public boolean isRunning() {
        return process.isRunning();
    }

    @Override
    public String toString() {
        return "mosquitto " + config.getParent().getFileName() + " on " + port();
    }
}
