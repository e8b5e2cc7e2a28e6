package io.neuromesh.broker.internal;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.MosquittoBroker;
import org.tinylog.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@code mosquitto} child process with a generated configuration and persistence on disk. */
public final class MosquittoProcess implements MosquittoBroker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** How long one wait for the listener lasts before the process is checked to be still alive. */
    private static final Duration PROBE_SLICE = Duration.ofMillis(100);
    private static final String CONFIG_FILE = "mosquitto.conf";
    private static final String LOG_FILE = "mosquitto.log";

    private final Path binary;
    private final Path dir;
    private final boolean temporary;
    private final int port;
    private final Thread killOnExit;
    private Process process;
    private boolean closed;

    private MosquittoProcess(Path binary, Path dir, boolean temporary, int port) {
        this.binary = binary;
        this.dir = dir;
        this.temporary = temporary;
        this.port = port;
        // An owner that forgets close() must not leave a broker running after the JVM is gone.
        this.killOnExit = new Thread(this::kill, "mosquitto-" + port + "-kill-on-exit");
    }

    /** See {@link MosquittoBroker#start(Path, Path, int)}. */
    public static MosquittoProcess start(Path binary, Path dataDir, int port) {
        Path dir = folder(dataDir == null ? null : dataDir);
        int chosen = port == 0 ? Listeners.pickFreePort(InetAddress.getLoopbackAddress()) : port;
        return start(binary, dir, dataDir == null, chosen,
                MosquittoConfig.render(chosen, dir, System.getProperty("user.name")));
    }

    /** See {@link MosquittoBroker#start(Path, Path, int, String)}. */
    public static MosquittoProcess start(Path binary, Path dir, int port, String config) {
        return start(binary, folder(dir), false, port, config);
    }

    private static Path folder(Path dir) {
        try {
            return dir == null ? Files.createTempDirectory("neuromesh-mosquitto-") : Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BrokerException("cannot prepare a folder for mosquitto: " + e.getMessage(), e);
        }
    }

    private static MosquittoProcess start(Path binary, Path dir, boolean temporary, int port, String config) {
        MosquittoProcess broker = new MosquittoProcess(binary, dir, temporary, port);
        Runtime.getRuntime().addShutdownHook(broker.killOnExit);
        try {
            Files.writeString(dir.resolve(CONFIG_FILE), config, StandardCharsets.UTF_8);
            broker.start();
        } catch (IOException e) {
            broker.close();
            throw new BrokerException("cannot write the mosquitto configuration in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    @Override
    public void start() {
        if (closed) {
            throw new BrokerException("this mosquitto broker was closed");
        }
        if (isRunning()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(binary.toString(), "-c", dir.resolve(CONFIG_FILE).toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(LOG_FILE).toFile()))
                    .start();
            if (!awaitAccepting()) {
                kill();
                throw new BrokerException("mosquitto did not accept connections on port " + port + " within "
                        + START_TIMEOUT.toSeconds() + " s: " + lastLogLine());
            }
            Logger.debug("mosquitto (pid {}) listening on {}", process.pid(), uri());
        } catch (IOException e) {
            throw new BrokerException("cannot run " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new BrokerException("interrupted while starting mosquitto", e);
        }
    }

    /** Waits for the listener in short slices, giving up early when the process died (a bad config, a taken port). */
    private boolean awaitAccepting() throws InterruptedException {
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0 && process.isAlive()) {
            if (Listeners.awaitAccepting(target, Math.min(deadline, System.nanoTime() + PROBE_SLICE.toNanos()))) {
                return true;
            }
        }
        return false;
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
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public String toString() {
        return "mosquitto on " + uri() + " (files in " + dir + ")";
    }
}
