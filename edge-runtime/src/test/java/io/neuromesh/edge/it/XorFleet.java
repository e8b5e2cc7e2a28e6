package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three in-process runtimes n1..n3 on a real broker, the XOR topology, a client and an output watcher. */
final class XorFleet implements AutoCloseable {

    static final List<String> NODES = List.of("n1", "n2", "n3");
    static final Duration QUIET = Duration.ofMillis(150);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final List<EdgeRuntime> runtimes = new ArrayList<>();
    final FleetClient client;
    final OutputWatcher outputs = new OutputWatcher();

    XorFleet(String brokerUri) {
        for (String node : NODES) {
            EdgeRuntime runtime = EdgeRuntime.builder().node(node).broker(brokerUri).build();
            runtime.start();
            runtimes.add(runtime);
        }
        runtimes.forEach(r -> r.awaitOnline(TIMEOUT));
        client = FleetClient.connect(URI.create(brokerUri), TIMEOUT);
        client.watchOutputs(outputs::accept);
    }

    static byte[] xorTopology() {
        return readExample("xor.json");
    }

    static byte[] readExample(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        try {
            return Files.readAllBytes(dir.resolve("examples").resolve(name));
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("examples/" + name + " not found above the working directory"));
        }
    }

    /** Publishes a topology and waits until every node reports on it; returns the reports. */
    Map<String, TopologyResult> apply(byte[] json, long rev) {
        client.publishTopology(json);
        return client.awaitTopologyReports(rev, NODES, TIMEOUT);
    }

    void applyOk(byte[] json, long rev) {
        Map<String, TopologyResult> reports = apply(json, rev);
        assertEquals(NODES.size(), reports.size(), "reports: " + reports);
        reports.values().forEach(r -> assertEquals(TopologyOutcome.APPLIED, r.result(), r.toString()));
    }

    /** Sets the two virtual sensors. */
    void sensors(int x, int y) {
        client.send("x", "sensor_x", x);
        client.send("y", "sensor_y", y);
    }

    /** Sets the sensors and asserts that z settles at {@code expectedZ}. */
    void expect(int x, int y, int expectedZ) throws InterruptedException {
        sensors(x, y);
        assertTrue(outputs.awaitSettled("z", expectedZ, QUIET, TIMEOUT),
                "z should settle at " + expectedZ + " for x=" + x + " y=" + y + ", saw " + outputs.value("z"));
    }

    /** Drives z through 1 and back to 0 so that it has a published output to watch. */
    void prime() throws InterruptedException {
        expect(1, 0, 1);
        expect(0, 0, 0);
    }

    EdgeRuntime runtime(String node) {
        return runtimes.get(NODES.indexOf(node));
    }

    @Override
    public void close() {
        client.close();
        runtimes.forEach(EdgeRuntime::close);
    }
}
