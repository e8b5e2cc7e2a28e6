package io.neuromesh.broker;

import java.nio.file.Path;
import java.time.Duration;

/**
 * An MQTT 5 broker (HiveMQ Community Edition) running inside this JVM, with a plain TCP listener, an MQTT-over-TLS
 * listener ({@link EmbeddedBrokerBuilder#tls(int, TlsFiles)}), or both.
 * Retained messages, wildcard and shared subscriptions and request/response properties are on; anonymous
 * usage statistics are off.
 *
 * <p>By default the broker guards the fleet's retained topology: it refuses a publish on {@code neuromesh/topology}
 * that is empty, not retained, not a valid topology, or not newer than the retained one, answering the publisher
 * with an MQTT 5 reason code and reason string (see {@link EmbeddedBrokerBuilder#topologyGuard(boolean)}).
 *
 * <p>Build one with {@link #builder()}, then {@link #start()} it and {@link #close()} it when done:
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).persistence(Persistence.IN_MEMORY).build()) {
 *     broker.start();
 *     connectTo(broker.uri());
 * }
 * }</pre>
 *
 * <p>An instance is single-use: once closed (or after a failed start) it cannot start again; build a new one
 * with the same settings to restart. With {@link Persistence#FILE} the new instance finds the retained messages
 * and persistent sessions the old one left in the data directory.
 *
 * <p>Thread safety: all methods may be called from any thread; {@link #start()} and {@link #close()} block
 * the caller and are serialised.
 *
 * @since 0.1
 */
public interface EmbeddedBroker extends AutoCloseable {

    /** The MQTT port used when none is given. */
    int DEFAULT_PORT = 1883;

    /** The usual MQTT-over-TLS port. */
    int DEFAULT_TLS_PORT = 8883;

    /** The address the listeners bind to when none is given: loopback only, so nothing is exposed by accident. */
    String DEFAULT_BIND = "127.0.0.1";

    /** The persistence used when none is given. */
    Persistence DEFAULT_PERSISTENCE = Persistence.FILE;

    /**
     * The server Receive Maximum used when none is given: how many QoS 1/2 publishes a client may have in flight
     * towards the broker. HiveMQ's own default of 10 throttles QoS 1 pipelines.
     */
    int DEFAULT_RECEIVE_MAXIMUM = 1000;

    /**
     * How many messages the broker queues for one subscriber (an online one whose in-flight window is full, or an
     * offline persistent session) before it discards new ones. HiveMQ's own default of 1,000 silently dropped part of
     * a burst to a node that fell behind; the mosquitto processes Neuromesh starts get the same limit.
     */
    int MAX_QUEUED_MESSAGES = 100_000;

    /** The largest MQTT packet accepted when none is given, in bytes (32 MiB). */
    int DEFAULT_MAX_PACKET_SIZE = 32 * 1024 * 1024;

    /** How long {@link #start()} waits for the listener when no timeout is given. */
    Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A builder with every setting at its default.
     *
     * @return a new builder; builders are not thread-safe
     */
    static EmbeddedBrokerBuilder builder() {
        return new EmbeddedBrokerBuilder();
    }

    /**
     * Starts the broker and blocks until its listener accepts TCP connections. Does nothing if it already runs.
     *
     * @throws BrokerException       if the broker did not start within the start timeout, for example
     *                               {@code port 1883 on 127.0.0.1 is already in use}; the instance is then closed
     * @throws IllegalStateException if this instance was closed before (instances are single-use)
     */
    void start();

    /**
     * Stops the broker, disconnecting every client, and releases its threads and, for an in-memory broker
     * without an explicit data directory, its temporary folder. Idempotent; safe after a failed start.
     * Blocks for the few seconds HiveMQ needs to stop.
     */
    @Override
    void close();

    /**
     * The TCP port of the plain listener.
     *
     * @return the configured port, or the port chosen by {@link #start()} when the broker was built with port 0
     * @throws IllegalStateException if the broker was built with port 0 and has not been started yet, or without
     *                               a plain listener
     */
    int port();

    /**
     * The URI clients connect to the plain listener with, e.g. {@code tcp://127.0.0.1:1883}. A wildcard bind address
     * ({@code 0.0.0.0}, {@code ::}) is given as {@code 127.0.0.1}.
     *
     * @return the server URI in the form Paho accepts
     * @throws IllegalStateException if the broker was built with port 0 and has not been started yet, or without
     *                               a plain listener
     */
    String uri();

    /**
     * The TCP port of the MQTT-over-TLS listener.
     *
     * @return the configured port, or the port chosen by {@link #start()} when the broker was built with TLS port 0
     * @throws IllegalStateException if the broker has no TLS listener, or was built with TLS port 0 and has not been
     *                               started yet
     */
    int tlsPort();

    /**
     * The URI clients connect to the TLS listener with, e.g. {@code ssl://127.0.0.1:8883} (its certificate names
     * {@code 127.0.0.1} and {@code localhost} when made by {@link Certificates#init}).
     *
     * @return the server URI in the form Paho accepts
     * @throws IllegalStateException as {@link #tlsPort()}
     */
    String tlsUri();

    /**
     * Whether the broker is running: true from a successful {@link #start()} until {@link #close()}.
     *
     * @return true while clients can connect
     */
    boolean isRunning();

    /**
     * The folder holding HiveMQ's {@code conf/}, {@code data/} and {@code extensions/} folders. For an in-memory
     * broker built without a data directory this is a temporary folder that exists only while it runs.
     *
     * @return the data directory, absolute
     * @throws IllegalStateException if an in-memory broker without an explicit data directory was not started yet
     */
    Path dataDir();
}
