package io.neuromesh.testkit.broker.internal;

import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.broker.TestBroker;
import org.tinylog.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@code mosquitto} child process with a generated configuration and persistence on disk. */
public final class MosquittoTestBroker implements TestBroker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String CONFIG_FILE = "mosquitto.conf";
    private static final String LOG_FILE = "mosquitto.log";

    private final Path binary;
    private final Path dir;
    private final boolean temporary;
    private final int port;
    private final Thread killOnExit;
    private Process process;
    private boolean closed;

    private MosquittoTestBroker(Path binary, Path dir, boolean temporary, int port) {
        this.binary = binary;
        this.dir = dir;
        this.temporary = temporary;
        this.port = port;
        // A test that forgets close() must not leave a broker running after the JVM is gone.
        this.killOnExit = new Thread(this::kill, "mosquitto-" + port + "-kill-on-exit");
    }

    /**
     * Writes the configuration and starts the process.
     *
     * @param binary  the mosquitto executable
     * @param dataDir the folder for configuration, log and database, or null for a temporary one deleted on close
     * @return a running broker
     */
    public static MosquittoTestBroker start(Path binary, Path dataDir) {
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("neuromesh-mosquitto-") : Files.createDirectories(dataDir);
            int port = FreePorts.next();
            Files.writeString(dir.resolve(CONFIG_FILE),
                    MosquittoConfig.render(port, dir, System.getProperty("user.name")), StandardCharsets.UTF_8);
            MosquittoTestBroker broker = new MosquittoTestBroker(binary, dir, temporary, port);
            Runtime.getRuntime().addShutdownHook(broker.killOnExit);
            try {
                broker.start();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a folder for mosquitto", e);
        }
    }

    @Override
    public void start() {
        if (closed) {
            throw new IllegalStateException("this mosquitto broker was closed");
        }
        if (isRunning()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(binary.toString(), "-c", dir.resolve(CONFIG_FILE).toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(LOG_FILE).toFile()))
                    .start();
            if (!PortProbe.awaitAccepting(port, System.nanoTime() + START_TIMEOUT.toNanos(), process::isAlive)) {
                kill();
                throw new IllegalStateException("mosquitto did not accept connections on port " + port + " within "
                        + START_TIMEOUT.toSeconds() + " s: " + lastLogLine());
            }
            Logger.debug("mosquitto (pid {}) listening on {}", process.pid(), uri());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("interrupted while starting mosquitto", e);
        }
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        // SIGTERM makes mosquitto write its database before it exits.
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                Logger.warn("mosquitto on port {} ignored SIGTERM for {} s; killing it", port,
                        STOP_TIMEOUT.toSeconds());
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        process = null;
    }

    @Override
    public void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it kills nothing that is still alive.
        }
        if (temporary) {
            TreeDeletion.deleteQuietly(dir);
        }
    }

    private void kill() {
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroyForcibly();
            try {
                current.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String lastLogLine() {
        try (var lines = Files.lines(dir.resolve(LOG_FILE), StandardCharsets.UTF_8)) {
            return lines.reduce((first, second) -> second).orElse("(empty log)");
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String uri() {
        return "tcp://127.0.0.1:" + port;
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
        return "mosquitto on " + uri() + " (files in " + dir + ")";
    }
}
