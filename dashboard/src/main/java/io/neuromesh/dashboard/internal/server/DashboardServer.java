package io.neuromesh.dashboard.internal.server;

import io.javalin.Javalin;
import io.neuromesh.dashboard.Access;
import io.neuromesh.dashboard.Dashboard;
import io.neuromesh.dashboard.DashboardConfig;
import io.neuromesh.dashboard.internal.act.Actor;
import io.neuromesh.dashboard.internal.auth.Gate;
import io.neuromesh.dashboard.internal.auth.Sessions;
import io.neuromesh.dashboard.internal.fleet.BrokerState;
import io.neuromesh.dashboard.internal.fleet.FleetWatch;
import io.neuromesh.dashboard.internal.live.LiveHub;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.MqttLink;
import org.tinylog.Logger;

import java.net.URI;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** {@link Dashboard}: the dashboard's own broker connection, the fleet watch, the sessions and the HTTP server. */
public final class DashboardServer implements Dashboard {

    private final DashboardConfig config;
    private final LiveHub hub = new LiveHub();
    private final BrokerState brokerState = new BrokerState();
    private final Sessions sessions;
    private final FleetWatch watch;
    private MqttLink own;
    private Javalin http;
    private volatile int port = -1;
    private boolean started;
    private boolean closed;

    public DashboardServer(DashboardConfig config) {
        this.config = config;
        this.sessions = new Sessions(config, Clock.systemUTC());
        this.watch = new FleetWatch(config, hub, brokerState);
    }

    @Override
    public DashboardConfig config() {
        return config;
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the dashboard was closed; create a new one");
        }
        if (started) {
            return;
        }
        try {
            LinkConfig.Builder link = MqttLink.builder();
            config.configure(link, config.credentials());
            byte[] id = new byte[4];
            ThreadLocalRandom.current().nextBytes(id);
            own = link.clientId("dashboard-" + HexFormat.of().formatHex(id)).build();
            own.addListener(brokerState);
            own.start();
            watch.start();
            Gate gate = new Gate(config.access(), sessions, new Actor("the dashboard", own, config.connectTimeout()));
            http = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.startup.showOldJavalinVersionWarning = false;
                javalin.jetty.host = config.bind();
                javalin.jetty.port = config.port();
                Routes.configure(javalin, gate, watch, hub);
            });
            try {
                http.start();
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot serve HTTP on " + config.bind() + ":" + config.port() + ": "
                        + rootMessage(e), e);
            }
            port = http.port();
            started = true;
            if (config.exposed() && config.access() == Access.OPEN) {
                Logger.warn("dashboard: listening on {} without users: anyone who reaches {} can toggle sensors,"
                        + " fire neurons and apply topologies; add users to the broker and give the dashboard one"
                        + " (--user), or bind to 127.0.0.1", config.bind(), uri());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public URI uri() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return URI.create("http://" + host + ":" + port + "/");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        hub.close();
        if (http != null) {
            http.stop();
        }
        sessions.close();
        watch.close();
        if (own != null) {
            own.close();
        }
    }
}
