package io.neuromesh.dashboard.internal.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.neuromesh.dashboard.internal.act.NeuronApi;
import io.neuromesh.dashboard.internal.auth.Gate;
import io.neuromesh.dashboard.internal.fleet.FleetWatch;
import io.neuromesh.dashboard.internal.live.LiveHub;
import io.neuromesh.dashboard.internal.topology.TopologyApi;
import io.neuromesh.mqtt.MqttLinkException;
import org.tinylog.Logger;

import java.time.Instant;

/** Every URL of the dashboard: the pages (static files), the JSON API, the live stream and {@code /metrics}. */
final class Routes {

    private Routes() {
    }

    static void configure(JavalinConfig config, Gate gate, FleetWatch watch, LiveHub hub) {
        NeuronApi neurons = new NeuronApi(watch, hub);
        TopologyApi topology = new TopologyApi(watch);
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            files.headers = java.util.Map.of("Cache-Control", "no-cache");
        });
        var routes = config.routes;
        routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        });
        routes.before("/api/*", gate::check);
        routes.get("/api/session", gate::session);
        routes.post("/api/login", gate::login);
        routes.post("/api/logout", gate::logout);
        routes.sse("/api/live", hub::join);
        routes.get("/api/fleet", ctx -> Json.send(ctx, watch.fleetJson()));
        routes.get("/api/brain", neurons::brain);
        routes.get("/api/neurons/{id}", neurons::inspect);
        routes.post("/api/neurons/{id}/fire", ctx -> neurons.fire(ctx, gate.actor(ctx)));
        routes.post("/api/sensors/{id}", ctx -> neurons.setSensor(ctx, gate.actor(ctx)));
        routes.get("/api/events", ctx -> Json.send(ctx, watch.recentEvents(Instant.EPOCH)));
        routes.get("/api/topology", topology::running);
        routes.get("/api/topology/history", topology::history);
        routes.get("/api/topology/revisions/{rev}", topology::revision);
        routes.get("/api/topology/diff", topology::diff);
        routes.post("/api/topology", ctx -> topology.apply(ctx, gate.actor(ctx)));
        routes.post("/api/topology/rollback", ctx -> topology.rollback(ctx, gate.actor(ctx)));
        MetricsMount.mount(routes, watch);
        routes.exception(ApiError.class, (e, ctx) -> Json.error(ctx, e));
        routes.exception(MqttLinkException.class, (e, ctx) -> Json.error(ctx, new ApiError(503,
                "the broker did not answer: " + e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            Logger.warn(e, "dashboard: {} {} failed", ctx.method(), ctx.path());
            Json.error(ctx, new ApiError(500, "the dashboard failed: " + e));
        });
        routes.error(404, ctx -> {
            // An ApiError's 404 is JSON already; this is for a path that matches no route.
            if (ctx.path().startsWith("/api/")
                    && !String.valueOf(ctx.res().getContentType()).startsWith("application/json")) {
                Json.error(ctx, ApiError.notFound("no API at " + ctx.method() + " " + ctx.path()));
            }
        });
    }
}
