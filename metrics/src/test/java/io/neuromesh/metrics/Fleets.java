package io.neuromesh.metrics;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.TestFleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** What the metrics ITs share: in-process runtimes on a test fleet running XOR, and plain HTTP GETs. */
final class Fleets {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Fleets() {
    }

    /** {@code nodes} started on a fresh broker of {@code kind}, running examples/xor-auto.json (rev 1). */
    static TestFleet<EdgeRuntime> xor(BrokerKind kind, String... nodes) {
        return TestFleet.<EdgeRuntime>builder((name, broker) -> {
            EdgeRuntime runtime = EdgeRuntime.builder().node(name).broker(broker).gpio(GpioSetting.OFF).build();
            runtime.start();
            return runtime;
        }).broker(kind).start().with(fleet -> {
            fleet.start(nodes);
            fleet.publishTopology(TestFleet.example("xor-auto.json"));
            for (String node : nodes) {
                await().atMost(TIMEOUT).until(() -> fleet.node(node).health().ok());
            }
        });
    }

    static FleetClient client(TestFleet<?> fleet) {
        return FleetClient.connect(URI.create(fleet.uri()), TIMEOUT);
    }

    static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
