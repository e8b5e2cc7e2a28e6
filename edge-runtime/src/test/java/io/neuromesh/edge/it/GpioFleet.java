package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResult;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three runtimes with simulated GPIO, the XOR-with-buttons topology, and a watcher of pin states over MQTT. */
final class GpioFleet implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final List<EdgeRuntime> runtimes = new ArrayList<>();
    final FleetClient client;
    /** Latest pin state per "node/pin", as published on neuromesh/nodes/+/gpio/+ (absent when closed). */
    final Map<String, FleetClient.PinEvent> pins = new ConcurrentHashMap<>();
    final OutputWatcher outputs = new OutputWatcher();

    GpioFleet(String brokerUri, Map<String, GpioSetting> settings) {
        for (String node : XorFleet.NODES) {
            EdgeRuntime runtime = EdgeRuntime.builder().node(node).broker(brokerUri)
                    .gpio(settings.getOrDefault(node, GpioSetting.MOCK)).build();
            runtime.start();
            runtimes.add(runtime);
        }
        runtimes.forEach(r -> r.awaitOnline(TIMEOUT));
        client = FleetClient.connect(URI.create(brokerUri), TIMEOUT);
        client.watchGpio(pin -> {
            String key = pin.node() + "/" + pin.pin();
            if (pin.open()) {
                pins.put(key, pin);
            } else {
                pins.remove(key);
            }
        });
        client.watchOutputs(outputs::accept);
    }

    void applyOk(byte[] json, long rev) {
        client.publishTopology(json);
        Map<String, TopologyResult> reports = client.awaitTopologyReports(rev, XorFleet.NODES, TIMEOUT);
        assertEquals(3, reports.size(), reports.toString());
        reports.values().forEach(r -> assertEquals(TopologyOutcome.APPLIED, r.result(), r.toString()));
    }

    void press(String node, int pin, boolean high) {
        Optional<String> refused = client.gpioSet(node, pin, high, TIMEOUT);
        assertTrue(refused.isEmpty(), () -> "gpio set refused: " + refused.orElse(""));
    }

    /** Waits until the pin's published state is {@code active}; false on timeout. */
    boolean awaitPin(String node, int pin, boolean active) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            FleetClient.PinEvent event = pins.get(node + "/" + pin);
            if (event != null && event.active() == active) {
                Thread.sleep(100);
                FleetClient.PinEvent still = pins.get(node + "/" + pin);
                if (still != null && still.active() == active) {
                    return true;
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Waits until the pin's retained state is cleared (the pin was closed). */
    boolean awaitClosed(String node, int pin) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!pins.containsKey(node + "/" + pin)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public void close() {
        client.close();
        runtimes.forEach(EdgeRuntime::close);
    }
}
