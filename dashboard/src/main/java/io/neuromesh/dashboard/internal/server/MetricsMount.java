package io.neuromesh.dashboard.internal.server;

import io.javalin.config.RoutesConfig;
import io.neuromesh.dashboard.internal.fleet.FleetWatch;
import io.neuromesh.metrics.FleetMetrics;

/**
 * The fleet's {@code /metrics} on the dashboard: Prometheus text built at each scrape from the node statuses the
 * dashboard already watches, so Prometheus needs to reach only the dashboard. Outside the login gate like any
 * scrape target (it carries the counts the node statuses carry, nothing that acts); see docs/observability.md.
 */
final class MetricsMount {

    private MetricsMount() {
    }

    static void mount(RoutesConfig routes, FleetWatch watch) {
        FleetMetrics fleet = FleetMetrics.of(watch::nodes);
        routes.get("/metrics", ctx -> ctx.contentType(FleetMetrics.CONTENT_TYPE).result(fleet.scrape()));
    }
}
