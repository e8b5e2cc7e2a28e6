package io.neuromesh.edge.it;

import io.neuromesh.broker.MosquittoBroker;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.broker.TestBroker;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A mosquitto process run from one of the site configurations of {@code docker/bridge/}, copied into a test folder
 * with only the listener port, the persistence folder and the bridge address changed ({@link #rewrite}).
 */
final class SiteBroker implements TestBroker {

    private final Path binary;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private SiteBroker(Path binary, Path config, Path log, int port) {
        this.binary = binary;
        this.config = config;
        this.log = log;
        this.port = port;
    }

    /**
     * @param file       {@code site-a.conf} or {@code site-b.conf}
     * @param dir        the test's folder for the config copy, the log and the database
     * @param bridgePort where the bridge connects (site B only: a {@link LinkCutter} in front of site A), or 0
     */
    static SiteBroker start(String file, Path dir, int bridgePort) {
        Path binary = MosquittoBroker.binary().orElseThrow(() -> new TestAbortedException(MosquittoBroker.MISSING));
        try {
            Path data = Files.createDirectories(dir.resolve(file.replace(".conf", "-data")));
            // Started as root, mosquitto drops to its own user, which must be able to write the database.
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
            int port = FreePorts.next();
            Path config = dir.resolve(file);
            Files.writeString(config, rewrite(original(file), port, data, bridgePort), StandardCharsets.UTF_8);
            SiteBroker broker = new SiteBroker(binary, config, dir.resolve(file.replace(".conf", ".log")), port);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the file of {@code docker/bridge/} as it is in the repository */
    static String original(String file) {
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
    static String rewrite(String config, int port, Path data, int bridgePort) {
        return config.replaceFirst("(?m)^listener 1883$", "listener " + port + " 127.0.0.1")
                .replaceFirst("(?m)^persistence_location /var/lib/mosquitto/site-[ab]/$",
                        "persistence_location " + data.toAbsolutePath() + "/")
                .replaceFirst("(?m)^address site-a.example:1883$", "address 127.0.0.1:" + bridgePort);
    }

    Path config() {
        return config;
    }

    @Override
    public void start() {
        if (isRunning()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(binary.toString(), "-c", config.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run mosquitto", e);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.MOSQUITTO;
    }

    @Override
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public String toString() {
        return "mosquitto " + config.getFileName() + " on " + port;
    }
}
