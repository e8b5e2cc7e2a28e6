package io.neuromesh.broker;

import io.neuromesh.broker.internal.BrokerConfig;
import io.neuromesh.broker.internal.HiveMqBroker;
import io.neuromesh.broker.internal.TlsListener;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Configures an {@link EmbeddedBroker}; get one from {@link EmbeddedBroker#builder()}. Every setting has a
 * default (the {@code DEFAULT_*} constants on {@link EmbeddedBroker}). Values are checked by {@link #build()}.
 *
 * <p>Not thread-safe: configure and build on one thread.
 *
 * @since 0.1
 */
public final class EmbeddedBrokerBuilder {

    private int port = EmbeddedBroker.DEFAULT_PORT;
    private boolean plain = true;
    private TlsListener tls;
    private String bind = EmbeddedBroker.DEFAULT_BIND;
    private Persistence persistence = EmbeddedBroker.DEFAULT_PERSISTENCE;
    private Path dataDir;
    private int receiveMaximum = EmbeddedBroker.DEFAULT_RECEIVE_MAXIMUM;
    private int maxPacketSize = EmbeddedBroker.DEFAULT_MAX_PACKET_SIZE;
    private Duration startTimeout = EmbeddedBroker.DEFAULT_START_TIMEOUT;
    private boolean topologyGuard = true;
    private Path userFile;

    EmbeddedBrokerBuilder() {
    }

    /**
     * The TCP port of the MQTT listener; 0 lets {@link EmbeddedBroker#start()} pick a free one.
     *
     * @param port 0–65535; default {@link EmbeddedBroker#DEFAULT_PORT}
     * @return this builder
     */
    public EmbeddedBrokerBuilder port(int port) {
        this.port = port;
        return this;
    }

    /**
     * Whether the plain TCP listener is on; turn it off to serve only MQTT over TLS.
     *
     * @param on default true; false needs a {@link #tls(int, TlsFiles)} listener
     * @return this builder
     */
    public EmbeddedBrokerBuilder plainListener(boolean on) {
        this.plain = on;
        return this;
    }

    /**
     * Adds an MQTT-over-TLS listener with the broker certificate and key of {@code files} ({@link Certificates#init}
     * writes them). They are read at {@link EmbeddedBroker#start()}, which fails with a message naming
     * {@code certs init} when they are missing, and with the reason when they are expired or do not match. Clients
     * are not asked for certificates.
     *
     * @param port  0–65535, e.g. {@link EmbeddedBroker#DEFAULT_TLS_PORT}; 0 lets {@link EmbeddedBroker#start()} pick a
     *              free one
     * @param files the folder holding {@code broker.crt} and {@code broker.key}
     * @return this builder
     */
    public EmbeddedBrokerBuilder tls(int port, TlsFiles files) {
        this.tls = new TlsListener(port, files);
        return this;
    }

    /**
     * The local address the listeners bind to; {@code 0.0.0.0} listens on every interface.
     *
     * @param address an IP address or host name of this machine; default {@link EmbeddedBroker#DEFAULT_BIND}
     * @return this builder
     */
    public EmbeddedBrokerBuilder bind(String address) {
        this.bind = address;
        return this;
    }

    /**
     * Whether retained messages and persistent sessions are kept on disk.
     *
     * @param persistence default {@link EmbeddedBroker#DEFAULT_PERSISTENCE}
     * @return this builder
     */
    public EmbeddedBrokerBuilder persistence(Persistence persistence) {
        this.persistence = persistence;
        return this;
    }

    /**
     * The folder for HiveMQ's {@code conf/}, {@code data/} and {@code extensions/} folders; created if missing.
     * Its {@code conf/config.xml} is generated, and overwritten, on every start. Required for a
     * {@link Persistence#FILE} broker ({@link #build()} refuses one without it); without it an
     * {@link Persistence#IN_MEMORY} broker uses a temporary folder deleted on close.
     *
     * @param dataDir a folder only this broker uses; two running brokers cannot share one
     * @return this builder
     */
    public EmbeddedBrokerBuilder dataDir(Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    /**
     * The server Receive Maximum: how many QoS 1/2 publishes each client may have in flight towards the broker.
     *
     * @param receiveMaximum 1–65535; default {@link EmbeddedBroker#DEFAULT_RECEIVE_MAXIMUM}
     * @return this builder
     */
    public EmbeddedBrokerBuilder receiveMaximum(int receiveMaximum) {
        this.receiveMaximum = receiveMaximum;
        return this;
    }

    /**
     * The largest MQTT packet the broker accepts; clients sending larger ones are disconnected.
     *
     * @param bytes 1–268435460 bytes; default {@link EmbeddedBroker#DEFAULT_MAX_PACKET_SIZE} (32 MiB)
     * @return this builder
     */
    public EmbeddedBrokerBuilder maxPacketSize(int bytes) {
        this.maxPacketSize = bytes;
        return this;
    }

    /**
     * How long {@link EmbeddedBroker#start()} waits for the listener before it gives up.
     *
     * @param startTimeout positive; default {@link EmbeddedBroker#DEFAULT_START_TIMEOUT}
     * @return this builder
     */
    public EmbeddedBrokerBuilder startTimeout(Duration startTimeout) {
        this.startTimeout = startTimeout;
        return this;
    }

    /**
     * Whether the broker guards the retained topology on {@code neuromesh/topology}: it then refuses, with an MQTT 5
     * reason code and reason string in the PUBACK, a publish there that is empty, not retained, not a valid
     * topology, or whose rev is lower than the retained one's (or equal with other content). It reads the retained
     * topology at start, so its state survives a restart on the same data directory. A refused QoS 0 publish is
     * dropped; every refusal is logged at WARN level with the client id.
     *
     * @param on default true; turn it off only to let invalid or older topologies through on purpose, as a test of
     *           the nodes' own checks may
     * @return this builder
     */
    public EmbeddedBrokerBuilder topologyGuard(boolean on) {
        this.topologyGuard = on;
        return this;
    }

    /**
     * The user file (see {@link UserFile}): when it holds any user, every client must log in and each role's ACL
     * applies; without users the broker is open. It is read at start (a bad line stops the start) and again when it
     * changes. A broker bound to an address other than loopback refuses to start without users.
     *
     * @param file the user file; default {@code <dataDir>/users} when a data directory is set, else none
     * @return this builder
     */
    public EmbeddedBrokerBuilder userFile(Path file) {
        this.userFile = file;
        return this;
    }

    /**
     * Checks the settings and builds a broker that is not started yet.
     *
     * @return a new, stopped broker
     * @throws IllegalArgumentException if a setting is out of range; the message names the setting,
     *                                  e.g. {@code port: must be between 0 and 65535, got 70000}
     * @throws NullPointerException     if a setting was set to null
     */
    public EmbeddedBroker build() {
        return new HiveMqBroker(
                new BrokerConfig(port, plain, tls, bind, persistence, dataDir, receiveMaximum, maxPacketSize,
                        startTimeout, topologyGuard, userFile != null ? userFile
                        : dataDir == null ? null : UserFile.in(dataDir).path()));
    }
}
