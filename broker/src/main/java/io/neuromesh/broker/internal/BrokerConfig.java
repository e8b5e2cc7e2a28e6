package io.neuromesh.broker.internal;

import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Checked settings of one embedded broker.
 *
 * @param port           0–65535; 0 means "pick a free port at start"
 * @param plain          whether the plain TCP listener on {@code port} is on
 * @param tls            the TLS listener, or null for none
 * @param bind           the local address of the listener
 * @param persistence    file or in-memory
 * @param dataDir        absolute folder for HiveMQ's folders, or null for a temporary one (in-memory only)
 * @param receiveMaximum server Receive Maximum, 1–65535
 * @param maxPacketSize  largest accepted packet in bytes, 1–{@link #MAX_PACKET_SIZE_LIMIT}
 * @param startTimeout   how long a start may take, positive
 * @param topologyGuard  whether the broker refuses topology publishes that would break the retained topology
 * @param userFile       the user file (users and roles), absolute, or null for an open broker without one
 */
public record BrokerConfig(int port, boolean plain, TlsListener tls, String bind, Persistence persistence, Path dataDir,
                           int receiveMaximum, int maxPacketSize, Duration startTimeout, boolean topologyGuard,
                           Path userFile) {

    /** The largest packet size HiveMQ's configuration accepts, in bytes (the MQTT limit plus header). */
    public static final int MAX_PACKET_SIZE_LIMIT = 268_435_460;

    static final int MAX_PORT = 65_535;
    private static final int MAX_RECEIVE_MAXIMUM = 65_535;

    public BrokerConfig {
        Objects.requireNonNull(bind, "bind: must not be null");
        Objects.requireNonNull(persistence, "persistence: must not be null");
        Objects.requireNonNull(startTimeout, "startTimeout: must not be null");
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port: must be between 0 and " + MAX_PORT + ", got " + port);
        }
        if (!plain && tls == null) {
            throw new IllegalArgumentException("listeners: the plain listener is off and there is no TLS listener;"
                    + " the broker would accept no client");
        }
        if (plain && tls != null && port != 0 && port == tls.port()) {
            throw new IllegalArgumentException("tls port: must differ from the plain port, both are " + port);
        }
        if (bind.isEmpty() || bind.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "bind: must be an IP address or host name without spaces, got \"" + bind + "\"");
        }
        if (receiveMaximum < 1 || receiveMaximum > MAX_RECEIVE_MAXIMUM) {
            throw new IllegalArgumentException(
                    "receiveMaximum: must be between 1 and " + MAX_RECEIVE_MAXIMUM + ", got " + receiveMaximum);
        }
        if (maxPacketSize < 1 || maxPacketSize > MAX_PACKET_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxPacketSize: must be between 1 and " + MAX_PACKET_SIZE_LIMIT
                    + " bytes, got " + maxPacketSize);
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout: must be positive, got " + startTimeout);
        }
        if (dataDir == null && persistence == Persistence.FILE) {
            // The caller owns the folder layout (the CLI: $NEUROMESH_HOME/broker); the library never guesses one.
            throw new IllegalArgumentException("dataDir: a FILE broker needs a data folder, e.g. ~/.neuromesh/broker;"
                    + " or use persistence IN_MEMORY");
        }
        if (dataDir != null) {
            dataDir = dataDir.toAbsolutePath().normalize();
        }
        if (userFile != null) {
            userFile = userFile.toAbsolutePath().normalize();
        }
    }

    /** Whether the broker works in a temporary folder that it deletes on close. */
    public boolean usesTemporaryDataDir() {
        return dataDir == null;
    }
}
