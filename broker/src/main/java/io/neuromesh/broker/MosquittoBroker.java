package io.neuromesh.broker;

import io.neuromesh.broker.internal.MosquittoBinary;
import io.neuromesh.broker.internal.MosquittoProcess;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code mosquitto} broker run as a child process on {@code 127.0.0.1}, configured as Neuromesh needs it (no Nagle
 * delay, a Receive Maximum like the embedded broker's, persistence on disk). The benchmark measures against it and the
 * test kit tests against it; it is killed when the JVM exits, should nobody close it.
 *
 * <p>The port stays the same across {@link #stop()} and {@link #start()}, so clients reconnect to the same
 * {@link #uri()}. Not thread-safe: drive the lifecycle from one thread.
 *
 * @since 0.1
 */
public interface MosquittoBroker extends AutoCloseable {

    /** The hint when mosquitto is not installed. */
    String MISSING = "mosquitto not installed: apt-get install mosquitto";

    /**
     * @return the {@code mosquitto} executable on the {@code PATH} or at {@code /usr/sbin/mosquitto}, if any
     */
    static Optional<Path> binary() {
        return MosquittoBinary.locate();
    }

    /**
     * Writes the configuration and starts the process; returns when it accepts connections.
     *
     * @param binary  the executable, from {@link #binary()}
     * @param dataDir the folder for configuration, log and database, kept on close; or null for a temporary folder
     *                deleted on close
     * @param port    the TCP port, or 0 for a free one
     * @return the running broker
     * @throws BrokerException when the folder cannot be prepared or mosquitto does not come up (the message quotes
     *                         the last line of its log)
     */
    static MosquittoBroker start(Path binary, Path dataDir, int port) {
        return MosquittoProcess.start(binary, dataDir, port);
    }

    /**
     * Starts mosquitto with a configuration of the caller's (a bridge, a secured listener); returns when it accepts
     * connections on {@code port}, which that configuration must listen on.
     *
     * @param dir    the folder for the configuration file and the log, kept on close
     * @param config the text of {@code mosquitto.conf}
     * @throws BrokerException as {@link #start(Path, Path, int)}
     */
    static MosquittoBroker start(Path binary, Path dir, int port, String config) {
        return MosquittoProcess.start(binary, dir, port, config);
    }

    /** @return {@code tcp://127.0.0.1:<port>} */
    String uri();

    /** @return the TCP port, fixed for the life of this object */
    int port();

    /** @return whether the process is alive */
    boolean isRunning();

    /**
     * Starts the process again on the same port after {@link #stop()}; returns when it accepts connections. Does
     * nothing if it runs.
     *
     * @throws BrokerException if it was closed or does not come up
     */
    void start();

    /** Stops the process with SIGTERM (mosquitto saves its database), killing it if it does not exit. Idempotent. */
    void stop();

    /** Stops the broker for good and deletes a temporary folder. Idempotent; never throws. */
    @Override
    void close();
}
