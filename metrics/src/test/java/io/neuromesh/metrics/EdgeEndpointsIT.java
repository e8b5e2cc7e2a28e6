package io.neuromesh.metrics;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.neuromesh.metrics.Fleets.TIMEOUT;
import static io.neuromesh.metrics.Fleets.get;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An edge node's /metrics and /health over real HTTP, with a real broker behind it. */
@Timeout(120)
class EdgeEndpointsIT {

    private static final String N1 = "node=\"n1\"";

    @Test
    void metricsParseAsPrometheusTextAndCountersMoveWhenInputsAreSent() {
        try (TestFleet<EdgeRuntime> fleet = Fleets.xor(BrokerKind.HIVEMQ_EMBEDDED, "n1");
             FleetClient client = Fleets.client(fleet);
             EdgeMetrics metrics = EdgeMetrics.bind(fleet.node("n1"));
             EdgeHttp http = EdgeHttp.start(fleet.node("n1"), metrics, EdgeHttp.DEFAULT_BIND, 0)) {
            HttpResponse<String> first = get(http.port(), "/metrics");
            assertEquals(200, first.statusCode());
            assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            Map<String, Double> before = PrometheusText.parse(first.body());
            assertEquals(1.0, PrometheusText.value(before, "neuromesh_topology_rev", N1));
            assertTrue(PrometheusText.names(before).containsAll(List.of("jvm_memory_used_bytes", "jvm_threads_live_threads",
                    "process_uptime_seconds", "system_cpu_count", "neuromesh_inbox_depth", "neuromesh_mqtt_reconnects_total")),
                    PrometheusText.names(before).toString());

            client.send("x", "sensor_x", 1);
            client.send("y", "sensor_y", 0);
            await().atMost(TIMEOUT).untilAsserted(() -> {
                Map<String, Double> after = PrometheusText.parse(get(http.port(), "/metrics").body());
                assertTrue(PrometheusText.value(after, "neuromesh_inputs_total", N1)
                        >= PrometheusText.value(before, "neuromesh_inputs_total", N1) + 2);
                assertTrue(PrometheusText.value(after, "neuromesh_output_changes_total", N1)
                        > PrometheusText.value(before, "neuromesh_output_changes_total", N1));
                // x's output changed on the input from MQTT: one hop timed, with a positive latency.
                assertTrue(PrometheusText.value(after, "neuromesh_hop_latency_seconds_count", N1) >= 1);
                assertTrue(PrometheusText.value(after, "neuromesh_hop_latency_seconds_sum", N1) > 0);
            });
        }
    }

    @Test
    void healthTurns503WhenTheBrokerStopsAnd200WhenItIsBack() {
        try (TestFleet<EdgeRuntime> fleet = Fleets.xor(BrokerKind.HIVEMQ_EMBEDDED, "n1");
             EdgeMetrics metrics = EdgeMetrics.bind(fleet.node("n1"));
             EdgeHttp http = EdgeHttp.start(fleet.node("n1"), metrics, EdgeHttp.DEFAULT_BIND, 0)) {
            HttpResponse<String> ok = get(http.port(), "/health");
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("ok", json(ok.body()).get("status").getAsString());
            assertEquals(1, json(ok.body()).get("rev").getAsLong());

            fleet.broker().stop();
            await().atMost(TIMEOUT).untilAsserted(() -> {
                HttpResponse<String> down = get(http.port(), "/health");
                assertEquals(503, down.statusCode(), down.body());
                assertEquals("broker connection lost", json(down.body()).get("problem").getAsString());
                assertFalse(json(down.body()).get("connected").getAsBoolean());
            });
            // The embedded test broker keeps nothing across a restart: the node keeps running the topology it has.
            fleet.broker().start();
            await().atMost(TIMEOUT).untilAsserted(() -> {
                HttpResponse<String> back = get(http.port(), "/health");
                assertTrue(back.statusCode() == 200 || !json(back.body()).get("problem").getAsString()
                        .equals("broker connection lost"), back.body());
                assertTrue(json(back.body()).get("connected").getAsBoolean(), back.body());
            });
            fleet.publishTopology(TestFleet.example("xor-auto.json"));
            await().atMost(TIMEOUT).untilAsserted(() -> assertEquals(200, get(http.port(), "/health").statusCode()));
        }
    }

    @Test
    void theGrafanaDashboardQueriesOnlyMetricsThatExist() throws IOException {
        JsonObject dashboard = json(Files.readString(docs().resolve("grafana-neuromesh.json")));
        List<String> exprs = new ArrayList<>();
        collectExprs(dashboard, exprs);
        assertTrue(exprs.size() >= 8, "panels query the metrics: " + exprs);
        try (TestFleet<EdgeRuntime> fleet = Fleets.xor(BrokerKind.HIVEMQ_EMBEDDED, "n1");
             FleetClient client = Fleets.client(fleet);
             EdgeMetrics metrics = EdgeMetrics.bind(fleet.node("n1"))) {
            client.send("x", "sensor_x", 1);
            await().atMost(TIMEOUT).until(() -> fleet.node("n1").stats().outputs() > 0);
            Set<String> names = new HashSet<>(PrometheusText.names(PrometheusText.parse(metrics.scrape())));
            await().atMost(TIMEOUT).until(() -> client.nodes().containsKey("n1"));
            names.addAll(PrometheusText.names(PrometheusText.parse(FleetMetrics.of(client).scrape())));
            Matcher m = Pattern.compile("\\b(neuromesh_[a-z_]+|jvm_[a-z_]+|process_[a-z_]+|system_[a-z_]+)\\b")
                    .matcher(String.join("\n", exprs));
            int checked = 0;
            while (m.find()) {
                assertTrue(names.contains(m.group(1)), m.group(1) + " is queried by the dashboard but not exposed; "
                        + "exposed: " + names);
                checked++;
            }
            assertTrue(checked >= exprs.size(), "every query names a metric");
        }
    }

    private static void collectExprs(JsonElement element, List<String> exprs) {
        if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(e -> {
                if (e.getKey().equals("expr") && e.getValue().isJsonPrimitive()) {
                    exprs.add(e.getValue().getAsString());
                } else {
                    collectExprs(e.getValue(), exprs);
                }
            });
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(child -> collectExprs(child, exprs));
        }
    }

    private static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "no docs folder above " + Path.of("").toAbsolutePath());
        return dir.resolve("docs");
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
