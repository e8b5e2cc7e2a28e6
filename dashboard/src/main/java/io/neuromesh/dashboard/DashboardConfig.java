package io.neuromesh.dashboard;

import io.neuromesh.mqtt.Credentials;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.Tls;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A dashboard's settings, validated on construction.
 *
 * @param broker         the fleet's broker, {@code tcp://host:port} or {@code ssl://host:port}
 * @param tls            the CAs to trust on an {@code ssl://} broker; empty for the JVM's CAs (or a tcp broker)
 * @param credentials    the dashboard's own broker user; empty to connect anonymously (then {@link Access#OPEN})
 * @param bind           the address the HTTP server listens on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port           the HTTP port, 0 for any free one, else 1-65535
 * @param connectTimeout how long the broker may take to accept a connection (the dashboard's, and each login)
 * @param sessionIdle    how long a logged-in browser session lasts without a request
 * @since 0.3
 */
public record DashboardConfig(URI broker, Optional<Tls> tls, Optional<Credentials> credentials, String bind,
                              int port, Duration connectTimeout, Duration sessionIdle) {

    /** The HTTP port by default. */
    public static final int DEFAULT_PORT = 8080;
    /** The address listened on by default: this machine only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** How long the broker may take to accept a connection by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long an idle browser session lasts by default. */
    public static final Duration DEFAULT_SESSION_IDLE = Duration.ofHours(8);

    public DashboardConfig {
        Objects.requireNonNull(broker, "broker: must not be null");
        Objects.requireNonNull(tls, "tls: must not be null; use Optional.empty()");
        Objects.requireNonNull(credentials, "credentials: must not be null; use Optional.empty()");
        Objects.requireNonNull(bind, "bind: must not be null");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("bind: must be an address such as 127.0.0.1 or 0.0.0.0, got ''");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: must be 0 (any free port) to 65535, got " + port);
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("sessionIdle", sessionIdle);
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + ": must be a positive duration, got " + value);
        }
    }

    /** @return {@link Access#LOGIN} when the dashboard has a broker user, else {@link Access#OPEN} */
    public Access access() {
        return credentials.isPresent() ? Access.LOGIN : Access.OPEN;
    }

    /**
     * @return true when {@link #bind()} is reachable from other machines (not a loopback address): without users,
     *         anyone on the network may then act on the fleet
     */
    public boolean exposed() {
        try {
            return !InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** Sets the broker, TLS and the given user (none: anonymous) on a link. */
    public void configure(LinkConfig.Builder link, Optional<Credentials> user) {
        link.broker(broker).tls(tls.orElse(null)).credentials(user.orElse(null)).connectTimeout(connectTimeout)
                .startTimeout(connectTimeout);
    }

    /** Builds a {@link DashboardConfig}; not thread-safe. */
    public static final class Builder {
        private URI broker = URI.create("tcp://127.0.0.1:1883");
        private Tls tls;
        private Credentials credentials;
        private String bind = DEFAULT_BIND;
        private int port = DEFAULT_PORT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration sessionIdle = DEFAULT_SESSION_IDLE;

        public Builder broker(URI broker) {
            this.broker = broker;
            return this;
        }

        public Builder broker(String broker) {
            return broker(LinkConfig.brokerUri(broker));
        }

        /** The CAs to trust on an ssl:// broker; null for the JVM's. */
        public Builder tls(Tls tls) {
            this.tls = tls;
            return this;
        }

        /** The dashboard's own broker user; null to connect anonymously. */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder bind(String bind) {
            this.bind = bind;
            return this;
        }

        /** The HTTP port; 0 for any free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder sessionIdle(Duration sessionIdle) {
            this.sessionIdle = sessionIdle;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting that is wrong */
        public DashboardConfig config() {
            return new DashboardConfig(broker, Optional.ofNullable(tls), Optional.ofNullable(credentials), bind, port,
                    connectTimeout, sessionIdle);
        }

        /** @return a dashboard for these settings, not started */
        public Dashboard build() {
            return Dashboard.create(config());
        }
    }
}
