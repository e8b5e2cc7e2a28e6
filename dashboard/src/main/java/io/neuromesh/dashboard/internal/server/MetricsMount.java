package io.neuromesh.dashboard.internal.server;

import io.javalin.config.RoutesConfig;

/**
 * THE place where the fleet's {@code /metrics} (Prometheus text, issue 13) is mounted on the dashboard. Until the
 * metrics module is wired in here, {@code /metrics} answers 404 saying so: no made-up numbers.
 */
final class MetricsMount {

    private MetricsMount() {
    }

    static void mount(RoutesConfig routes) {
        // Integration point: replace this handler with the metrics module's fleet exposition.
        routes.get("/metrics", ctx -> ctx.status(404).contentType("text/plain; charset=utf-8")
                .result("/metrics is not part of this build of the dashboard yet\n"));
    }
}
