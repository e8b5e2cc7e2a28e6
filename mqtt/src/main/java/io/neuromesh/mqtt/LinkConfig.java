package io.neuromesh.mqtt;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of one {@link MqttLink}, validated on construction. Build it with {@link MqttLink#builder()}.
 *
 * @param broker             broker address, {@code tcp://host:port}, or {@code ssl://host:port} for MQTT over TLS
 * @param clientId           MQTT client id; must be unique among the broker's clients
 * @param session            how the broker-side session (subscriptions, queued QoS 1 messages) is used
 * @param sessionExpiry      how long the broker keeps the session after a disconnect (zero: drop at once)
 * @param keepAlive          MQTT keep-alive; the broker declares the client dead after 1.5 times this
 * @param connectTimeout     how long one connection attempt may take, and a SUBSCRIBE's acknowledgement before the
 *                           link warns (it waits up to 12 times as long while the connection lives)
 * @param startTimeout       how long {@link MqttLink#start()} keeps trying (with {@code reconnect}) before it gives up
 * @param reconnect          delays between connection attempts (also before the first retry of a broker not up yet)
 * @param will               Last Will published by the broker when the connection dies unannounced, or null
 * @param receiveMaximum     how many unacknowledged QoS 1 messages the broker may send us at once (MQTT 5)
 * @param manualAcks         true to acknowledge QoS 1 deliveries only when {@link MqttLink#complete} is called
 * @param offlineBufferSize  publishes kept while disconnected (oldest dropped beyond it)
 * @param credentials        user name and password sent in CONNECT, or null to connect anonymously
 * @param tls                the CAs trusted on an {@code ssl://} broker ({@link Tls#systemTrust()} when null); null for
 *                           {@code tcp://}
 * @since 0.1
 */
public record LinkConfig(URI broker, String clientId, SessionMode session, Duration sessionExpiry, Duration keepAlive,
                         Duration connectTimeout, Duration startTimeout, Backoff reconnect, Will will,
                         int receiveMaximum, boolean manualAcks, int offlineBufferSize, Credentials credentials,
                         Tls tls) {

    /** Default broker address. */
    public static final URI DEFAULT_BROKER = URI.create("tcp://127.0.0.1:1883");
    /** Default session expiry for persistent sessions. */
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofMinutes(10);
    /** Default MQTT keep-alive. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(10);
    /** Default timeout of one connection attempt. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default time {@link MqttLink#start()} keeps trying to connect. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(10);
    /**
     * A {@code startTimeout} without end: {@link MqttLink#start()} keeps trying until it connects or the link is
     * closed, as a service does ({@code neuromesh edge}); the owner learns of each failed attempt from
     * {@link LinkListener#connectFailed}.
     */
    public static final Duration START_UNTIL_CLOSED = Duration.ofMillis(Long.MAX_VALUE);
    /** Default first reconnect delay. */
    public static final Duration DEFAULT_MIN_RECONNECT_DELAY = Duration.ofMillis(100);
    /** Default longest reconnect delay (Paho's own default of 128 s is far too long for a brain). */
    public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    /** Jitter of the reconnect delays: spreads the clients of a restarted broker over +-20% of the delay. */
    public static final double DEFAULT_RECONNECT_JITTER = 0.2;
    /** Default reconnect backoff: 100 ms doubling up to 2 s, with 20% jitter. */
    public static final Backoff DEFAULT_RECONNECT = Backoff.exponential(DEFAULT_MIN_RECONNECT_DELAY,
            DEFAULT_MAX_RECONNECT_DELAY).withJitter(DEFAULT_RECONNECT_JITTER);
    /** Default MQTT 5 receive maximum of the client. */
    public static final int DEFAULT_RECEIVE_MAXIMUM = 1000;
    /** Default number of publishes kept while disconnected. */
    public static final int DEFAULT_OFFLINE_BUFFER = 10_000;
    /** The MQTT port a bare {@code host} gets. */
    public static final int PLAIN_PORT = 1883;
    /** The MQTT-over-TLS port a bare {@code ssl://host} gets. */
    public static final int TLS_PORT = 8883;

    public LinkConfig {
        if (broker == null || !("tcp".equals(broker.getScheme()) || "ssl".equals(broker.getScheme()))
                || broker.getHost() == null || broker.getPort() <= 0) {
            throw new IllegalArgumentException("broker: must look like tcp://host:port or ssl://host:port, got "
                    + broker);
        }
        boolean overTls = "ssl".equals(broker.getScheme());
        if (!overTls && tls != null) {
            throw new IllegalArgumentException("tls: trusted CAs (" + tls.describe() + ") need an ssl:// broker"
                    + " address, got " + broker);
        }
        if (overTls && tls == null) {
            tls = Tls.systemTrust();
        }
        if (clientId == null || clientId.isEmpty() || clientId.length() > 128) {
            throw new IllegalArgumentException("clientId: must be 1-128 characters, got '" + clientId + "'");
        }
        if (session == null) {
            throw new IllegalArgumentException("session: must not be null");
        }
        requireNonNegative("sessionExpiry", sessionExpiry);
        if (session != SessionMode.CLEAN && sessionExpiry.isZero()) {
            throw new IllegalArgumentException("sessionExpiry: a " + session + " session needs a positive expiry");
        }
        requirePositive("keepAlive", keepAlive);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("startTimeout", startTimeout);
        if (reconnect == null) {
            throw new IllegalArgumentException("reconnect: must not be null");
        }
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("receiveMaximum: must be 1-65535, got " + receiveMaximum);
        }
        if (offlineBufferSize < 0) {
            throw new IllegalArgumentException("offlineBufferSize: must be >= 0, got " + offlineBufferSize);
        }
    }

    /**
     * A broker address as users type it: {@code tcp://host:port} or {@code ssl://host:port}, or a bare
     * {@code host:port} (which gets {@code tcp://}), or a host without a port (which gets {@value #PLAIN_PORT}, or
     * {@value #TLS_PORT} after {@code ssl://}).
     */
    public static URI brokerUri(String text) {
        URI uri = URI.create(text.contains("://") ? text : "tcp://" + text);
        int port = "ssl".equals(uri.getScheme()) ? TLS_PORT : PLAIN_PORT;
        return uri.getPort() > 0 || uri.getHost() == null ? uri
                : URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + port);
    }

    /** @return whether the link speaks MQTT over TLS ({@code ssl://}); {@link #tls()} is then not null */
    public boolean overTls() {
        return tls != null;
    }

    /**
     * This configuration with another Last Will, e.g. one only the owner of the link can word.
     *
     * @param will the Last Will, or null for none
     * @return a new configuration
     */
    public LinkConfig withWill(Will will) {
        return new LinkConfig(broker, clientId, session, sessionExpiry, keepAlive, connectTimeout, startTimeout, reconnect, will,
                receiveMaximum, manualAcks, offlineBufferSize, credentials, tls);
    }

    /**
     * A companion connection's configuration: the same broker, credentials, TLS, session and timing under another
     * client id, without a Last Will (the owner's connection speaks for the client).
     *
     * @param companionId the companion's client id, unique among the broker's clients
     * @return a new configuration
     */
    public LinkConfig companion(String companionId) {
        return new LinkConfig(broker, companionId, session, sessionExpiry, keepAlive, connectTimeout, startTimeout,
                reconnect, null, receiveMaximum, manualAcks, offlineBufferSize, credentials, tls);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": must be a positive duration, got " + value);
        }
    }

    private static void requireNonNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + ": must be zero or positive, got " + value);
        }
    }

    /** Builder with the defaults above; see {@link MqttLink#builder()}. */
    public static final class Builder {
        private URI broker = DEFAULT_BROKER;
        private String clientId;
        private SessionMode session = SessionMode.CLEAN;
        private Duration sessionExpiry = Duration.ZERO;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private Backoff reconnect = DEFAULT_RECONNECT;
        private Duration minReconnectDelay;
        private Duration maxReconnectDelay;
        private Will will;
        private int receiveMaximum = DEFAULT_RECEIVE_MAXIMUM;
        private boolean manualAcks;
        private int offlineBufferSize = DEFAULT_OFFLINE_BUFFER;
        private Credentials credentials;
        private Tls tls;

        Builder() {
        }

        /** Broker address, {@code tcp://host:port} or {@code ssl://host:port}. */
        public Builder broker(URI broker) {
            this.broker = broker;
            return this;
        }

        /** Broker address as users type it; see {@link LinkConfig#brokerUri(String)}. */
        public Builder broker(String broker) {
            return broker(brokerUri(broker));
        }

        /** MQTT client id (required). */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Resume a broker-side session that outlives disconnects by {@code expiry}. */
        public Builder persistentSession(Duration expiry) {
            return session(SessionMode.PERSISTENT, expiry);
        }

        /** How the broker-side session is used, and how long it outlives a disconnect. */
        public Builder session(SessionMode mode, Duration expiry) {
            this.session = mode;
            this.sessionExpiry = expiry;
            return this;
        }

        /** MQTT keep-alive. */
        public Builder keepAlive(Duration keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        /** Timeout of one connection attempt. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long {@link MqttLink#start()} keeps trying to connect before it throws. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** Reconnect backoff bounds, keeping the default doubling and jitter; validated by {@link #config()}. */
        public Builder reconnectDelay(Duration min, Duration max) {
            this.minReconnectDelay = min;
            this.maxReconnectDelay = max;
            return this;
        }

        /** The whole reconnect backoff (replaces bounds given to {@link #reconnectDelay}). */
        public Builder reconnect(Backoff backoff) {
            this.reconnect = backoff;
            this.minReconnectDelay = null;
            this.maxReconnectDelay = null;
            return this;
        }

        /** Last Will. */
        public Builder will(Will will) {
            this.will = will;
            return this;
        }

        /** MQTT 5 receive maximum: unacknowledged QoS 1 deliveries the broker may have in flight to us. */
        public Builder receiveMaximum(int receiveMaximum) {
            this.receiveMaximum = receiveMaximum;
            return this;
        }

        /** Acknowledge QoS 1 deliveries only through {@link MqttLink#complete(InboundMessage)}. */
        public Builder manualAcks(boolean manualAcks) {
            this.manualAcks = manualAcks;
            return this;
        }

        /** Publishes kept while disconnected. */
        public Builder offlineBufferSize(int size) {
            this.offlineBufferSize = size;
            return this;
        }

        /** User name and password for the broker; null (the default) connects anonymously. */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The CAs trusted on an {@code ssl://} broker; null (the default) is {@link Tls#systemTrust()} there. */
        public Builder tls(Tls tls) {
            this.tls = tls;
            return this;
        }

        /**
         * The broker of another configuration and how to reach it (address, TLS, credentials), e.g. for a second
         * link of the same owner.
         */
        public Builder sameBrokerAs(LinkConfig other) {
            this.broker = other.broker();
            this.tls = other.tls();
            this.credentials = other.credentials();
            return this;
        }

        /** The validated configuration. */
        public LinkConfig config() {
            return new LinkConfig(broker, clientId, session, sessionExpiry, keepAlive, connectTimeout, startTimeout,
                    Backoff.bounded(reconnect, minReconnectDelay, maxReconnectDelay, "reconnect"), will,
                    receiveMaximum, manualAcks, offlineBufferSize, credentials, tls);
        }

        /** A new link with this configuration (not started). */
        public MqttLink build() {
            return MqttLink.create(config());
        }
    }
}
