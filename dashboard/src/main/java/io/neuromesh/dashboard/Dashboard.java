package io.neuromesh.dashboard;

import io.neuromesh.dashboard.internal.server.DashboardServer;

import java.net.URI;

/**
 * The fleet's web dashboard: an HTTP server with the Brain, Fleet, Events and Topology pages, a JSON API under
 * {@code /api} and live updates as server-sent events on {@code /api/live}. It is an MQTT client like any other: it
 * reads the fleet's retained statuses and outputs and asks the nodes for logs and neuron state, as the CLI does.
 *
 * <p>Who may do what ({@link DashboardConfig#access()}): on an open broker every visitor may act (toggle a sensor,
 * fire, apply, roll back). On a broker with users, a visitor logs in with a Neuromesh user name and password, which
 * the dashboard checks by connecting to the broker as that user; each action is then published with that user's
 * own connection, so the broker's ACL decides (a viewer gets HTTP 403 with the broker's reason).
 *
 * <p>Threading: {@link #start()} and {@link #close()} may be called from any thread; HTTP requests run on Jetty's
 * threads, never on MQTT callback threads.
 *
 * @since 0.3
 */
public interface Dashboard extends AutoCloseable {

    /** A builder with the defaults of {@link DashboardConfig}. */
    static DashboardConfig.Builder builder() {
        return new DashboardConfig.Builder();
    }

    /** A dashboard for a validated configuration (not started). */
    static Dashboard create(DashboardConfig config) {
        return new DashboardServer(config);
    }

    /** This dashboard's configuration. */
    DashboardConfig config();

    /**
     * Connects to the broker and opens the HTTP port; returns when both are ready.
     *
     * @throws io.neuromesh.mqtt.MqttLinkException when the broker cannot be reached or refuses the dashboard's user
     *                                             within {@link DashboardConfig#connectTimeout()}
     * @throws IllegalStateException                when the HTTP port cannot be opened (in use, no such address);
     *                                             the dashboard is then closed
     */
    void start();

    /** @return the HTTP port listened on (the one chosen when the configured port is 0); -1 before start */
    int port();

    /** @return the address of the pages, e.g. {@code http://127.0.0.1:8080/} */
    URI uri();

    /** Closes the HTTP server, the browser users' broker connections and the dashboard's own; idempotent. */
    @Override
    void close();
}
