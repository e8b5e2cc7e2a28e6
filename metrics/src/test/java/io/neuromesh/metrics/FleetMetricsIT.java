package io.neuromesh.metrics;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.OnEveryBroker;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static io.neuromesh.metrics.Fleets.TIMEOUT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fleet's /metrics, from the statuses a FleetClient sees: a series per node, and a killed node goes to 0. */
@Timeout(120)
class FleetMetricsIT {

    @OnEveryBroker
    void scrapeHasEveryNodeAndMarksAKilledOneOffline(BrokerKind kind) {
        List<String> nodes = List.of("n1", "n2", "n3");
        try (TestFleet<EdgeRuntime> fleet = Fleets.xor(kind, nodes.toArray(String[]::new));
             FleetClient client = Fleets.client(fleet)) {
            FleetMetrics metrics = FleetMetrics.of(client);
            await().atMost(TIMEOUT).untilAsserted(() -> {
                Map<String, Double> samples = PrometheusText.parse(metrics.scrape());
                for (String node : nodes) {
                    String label = "node=\"" + node + "\"";
                    assertEquals(1.0, PrometheusText.value(samples, "neuromesh_node_online", label), node);
                    assertEquals(1.0, PrometheusText.value(samples, "neuromesh_node_rev", label), node);
                    assertTrue(PrometheusText.value(samples, "neuromesh_node_heap_used_bytes", label) > 0, node);
                    PrometheusText.value(samples, "neuromesh_node_queue", label);
                    PrometheusText.value(samples, "neuromesh_node_inputs_per_second", label);
                    PrometheusText.value(samples, "neuromesh_node_inputs_malformed", label);
                    PrometheusText.value(samples, "neuromesh_node_inputs_dropped", label);
                }
            });
            fleet.node("n3").abort();
            fleet.forget("n3");
            await().atMost(TIMEOUT).untilAsserted(() -> {
                Map<String, Double> samples = PrometheusText.parse(metrics.scrape());
                assertEquals(0.0, PrometheusText.value(samples, "neuromesh_node_online", "node=\"n3\""));
                assertTrue(samples.keySet().stream().noneMatch(k -> k.startsWith("neuromesh_node_rev{")
                        && k.contains("node=\"n3\"")), "an offline node reports no rev: " + samples.keySet());
            });
        }
    }
}
