package io.neuromesh.metrics.internal.http;

import com.google.gson.JsonObject;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.neuromesh.edge.EdgeHealth;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.metrics.EdgeHttp;
import io.neuromesh.metrics.EdgeMetrics;
import org.tinylog.Logger;

/** {@link EdgeHttp} on Javalin: {@code /metrics} and {@code /health}, answered on Jetty's threads. */
public final class EdgeServer implements EdgeHttp {

    private final Javalin app;
    private final int port;

    private EdgeServer(Javalin app, int port) {
        this.app = app;
        this.port = port;
    }

    public static EdgeServer start(EdgeRuntime runtime, EdgeMetrics metrics, String bind, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("http-port: must be 0..65535, got " + port);
        }
        String node = runtime.config().node();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/metrics", ctx -> ctx.contentType(EdgeMetrics.CONTENT_TYPE).result(metrics.scrape()));
            config.routes.get("/health", ctx -> health(ctx, node, runtime));
        });
        try {
            app.start(bind, port);
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("node " + node + ": cannot serve HTTP on " + bind + ":" + port + ": "
                    + e.getMessage(), e);
        }
        EdgeServer server = new EdgeServer(app, app.port());
        Logger.info("node {}: /metrics and /health on http://{}:{}", node, bind, server.port);
        return server;
    }

    /** 200 when healthy, else 503 saying why (also when the brain thread does not answer). */
    private static void health(Context ctx, String node, EdgeRuntime runtime) {
        JsonObject json = new JsonObject();
        json.addProperty("node", node);
        String problem;
        try {
            EdgeHealth health = runtime.health();
            json.addProperty("connected", health.connected());
            json.addProperty("rev", health.rev());
            problem = health.problem().orElse(null);
        } catch (IllegalStateException e) {
            problem = "the runtime does not answer: " + e.getMessage();
        }
        json.addProperty("status", problem == null ? "ok" : "unhealthy");
        if (problem != null) {
            json.addProperty("problem", problem);
        }
        ctx.status(problem == null ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType("application/json").result(json.toString());
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        app.stop();
    }
}
