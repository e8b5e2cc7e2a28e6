package io.neuromesh.cli.internal.demo;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.topology.Topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The main job: an embedded broker, three edge runtimes n1..n3 in this process, the reference XOR network spread over
 * them, and the virtual sensors stepped through every input combination while z is checked against XOR(x, y).
 */
public final class XorDemo implements AutoCloseable {

    /** Input states in Gray-code order: one sensor changes per step and z flips every time. */
    private static final int[][] STEPS = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};
    private static final List<String> NODES = List.of("n1", "n2", "n3");
    private static final long QUIET_MILLIS = 20;
    private static final long SETTLE_TIMEOUT_MILLIS = 5_000;

    private final PrintStream out;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final OutputTracker outputs = new OutputTracker();
    private FleetClient fleet;
    private String uri;

    public XorDemo(PrintStream out) {
        this.out = out;
    }

    /** Starts the broker (on {@code port}, or a free one if it is taken) and the three runtimes; applies the topology. */
    public void start(int port) throws IOException {
        int chosen = isFree(port) ? port : freePort();
        EmbeddedBroker broker = EmbeddedBroker.builder().port(chosen).persistence(Persistence.IN_MEMORY).build();
        resources.add(broker);
        try {
            broker.start();
        } catch (BrokerException e) {
            throw new CommandFailedException(e.getMessage());
        }
        uri = broker.uri();
        if (chosen != port) {
            out.println("port " + port + " is taken; the demo broker uses port " + chosen);
        }
        for (String node : NODES) {
            EdgeRuntime runtime = EdgeRuntime.builder().node(node).broker(uri).build();
            resources.add(0, runtime);
            runtime.start();
        }
        for (AutoCloseable resource : resources) {
            if (resource instanceof EdgeRuntime runtime) {
                runtime.awaitOnline(Duration.ofSeconds(10));
            }
        }
        fleet = FleetClient.connect(URI.create(uri), Duration.ofSeconds(5));
        resources.add(0, fleet);
        fleet.watchOutputs(outputs::accept);
        byte[] json = example();
        Topology topology = Topology.parse(json);
        fleet.publishTopology(json);
        Map<String, FleetClient.TopologyReport> reports =
                fleet.awaitTopologyReports(topology.rev(), NODES, Duration.ofSeconds(10));
        if (reports.size() != NODES.size()) {
            throw new CommandFailedException("the XOR topology was not applied on every node: " + reports.keySet());
        }
        out.println("Neuromesh XOR demo: broker " + uri + ", nodes " + String.join(" ", NODES) + ", topology rev "
                + topology.rev() + " (x y on n1, h1 h2 on n2, h3 z on n3)");
        out.println("watch it live:  mosquitto_sub -h 127.0.0.1 -p " + URI.create(uri).getPort()
                + " -v -t 'neuron/+/output'");
    }

    /**
     * Runs one pass through the truth table; prints the table when {@code printTable}, else one summary line.
     *
     * @return true when z was right at every step
     */
    public boolean pass(int number, boolean printTable, Duration pause) throws InterruptedException {
        if (printTable) {
            out.println();
            out.println(" x  y  z  settle-ms");
        }
        boolean allRight = true;
        List<Double> settles = new ArrayList<>();
        for (int[] step : STEPS) {
            int x = step[0];
            int y = step[1];
            int expected = x ^ y;
            long t0 = System.nanoTime();
            fleet.send("x", "sensor_x", x);
            fleet.send("y", "sensor_y", y);
            long arrived = outputs.awaitSettled("z", expected, QUIET_MILLIS, SETTLE_TIMEOUT_MILLIS);
            int z = outputs.value("z");
            boolean right = arrived >= 0 && z == expected;
            allRight &= right;
            double settle = arrived < 0 ? Double.NaN : Math.max(0, arrived - t0) / 1e6;
            settles.add(settle);
            if (printTable) {
                out.printf(" %d  %d  %d  %9s%s%n", x, y, z, arrived < 0 ? "timeout" : String.format("%.2f", settle),
                        right ? "" : "   WRONG: expected " + expected);
            }
            Thread.sleep(pause.toMillis());
        }
        if (!printTable) {
            Collections.sort(settles);
            out.printf("pass %d: %s, settle median %.2f ms, max %.2f ms%n", number,
                    allRight ? "z = XOR(x, y) at every step" : "WRONG", settles.get(settles.size() / 2),
                    settles.get(settles.size() - 1));
        } else {
            out.println(allRight ? "z = XOR(x, y) at every step" : "z was WRONG at some step");
        }
        out.flush();
        return allRight;
    }

    private static byte[] example() throws IOException {
        try (InputStream in = XorDemo.class.getResourceAsStream("/examples/xor.json")) {
            if (in == null) {
                throw new IOException("examples/xor.json is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                out.println("while stopping: " + e.getMessage());
            }
        }
        resources.clear();
    }
}
