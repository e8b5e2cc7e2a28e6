package io.neuromesh.testkit.broker;

/**
 * A real MQTT broker for a test, listening on {@code 127.0.0.1} on a port of its own. Get one from
 * {@link TestBrokers}; it is started already. The port stays the same across {@link #stop()},
 * {@link #start()} and {@link #restart()}, so clients can reconnect to the same {@link #uri()}.
 *
 * <p>Whether state survives a restart depends on the variant: {@link TestBrokers#embedded()} keeps everything
 * in memory and loses it; {@link TestBrokers#embeddedPersistent(java.nio.file.Path)},
 * {@link TestBrokers#mosquitto()} and {@link TestBrokers#persistent(BrokerKind, java.nio.file.Path)} keep
 * retained messages and persistent sessions.
 *
 * <p>Not thread-safe: drive the lifecycle from the test thread.
 *
 * @since 0.1
 */
public interface TestBroker extends AutoCloseable {

    /**
     * @return the URI clients connect to, {@code tcp://127.0.0.1:<port>}
     */
    default String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    /**
     * @return the TCP port, fixed for the life of this object
     */
    int port();

    /**
     * @return which broker this is
     */
    BrokerKind kind();

    /**
     * @return whether the broker is accepting connections
     */
    boolean isRunning();

    /**
     * Starts the broker again on the same port after {@link #stop()}; blocks until it accepts connections.
     * Does nothing if it runs.
     *
     * @throws IllegalStateException if the broker was closed, or mosquitto did not come up (the message quotes
     *                               the last line of its log)
     * @throws io.neuromesh.broker.BrokerException if the embedded broker cannot start
     */
    void start();

    /**
     * Stops the broker cleanly (persistent variants save their state); connected clients lose their connection.
     * Does nothing if it is stopped.
     */
    void stop();

    /**
     * Stops and starts the broker on the same port, as a broker crash-free restart would.
     */
    default void restart() {
        stop();
        start();
    }

    /**
     * Stops the broker for good and deletes the temporary files it created. Idempotent.
     */
    @Override
    void close();
}
