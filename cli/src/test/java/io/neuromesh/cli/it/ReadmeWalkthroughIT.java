package io.neuromesh.cli.it;

import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.process.ManagedProcess;
import io.neuromesh.testkit.process.MosquittoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's walkthrough, exactly as a user runs it: a broker and three edge nodes as separate OS processes through
 * the launcher, the topology applied with the CLI, inputs driven with mosquitto_pub, z read with mosquitto_sub.
 */
@Timeout(240)
class ReadmeWalkthroughIT extends WalkthroughBase {

    private static final Duration SETTLE = Duration.ofSeconds(10);


    @Test
    void brokerThreeEdgesTopologyApplyMosquittoPubAndSubComputeXor() throws Exception {
        int port = FreePorts.next();
        String broker = "tcp://127.0.0.1:" + port;
        launcher.start("broker", "broker", "--port", Integer.toString(port), "--in-memory")
                .awaitOutput("broker listening on tcp://127\\.0\\.0\\.1:" + port, STARTUP);

        List<ManagedProcess> edges = new ArrayList<>();
        try (MosquittoClients.Subscriber statuses = MosquittoClients.subscribe(port, "neuromesh/nodes/+/status")) {
            for (String node : new String[] {"n1", "n2", "n3"}) {
                edges.add(launcher.start(node, "edge", "--node", node, "--broker", broker));
            }
            statuses.awaitOnline(STARTUP, "n1", "n2", "n3");
        }

        ManagedProcess.Result apply = launcher.run(60, "topology", "apply", "examples/xor.json", "--broker", broker);
        assertEquals(0, apply.exitCode(), apply.output());
        assertTrue(apply.output().contains("n3         applied rev 1, hosting h3 z"), apply.output());
        assertTrue(apply.output().matches("(?s).*\\nplacement settled in \\d+\\.\\d\\d s: every neuron on one node"
                + " \\(n1: x y; n2: h1 h2; n3: h3 z\\)\\n"), apply.output());

        // subscribe() returns once mosquitto_sub is subscribed, so no output of the steps below is missed.
        try (MosquittoClients.Subscriber z = MosquittoClients.subscribe(port, "neuron/z/output")) {
            int[][] steps = {{1, 0}, {1, 1}, {0, 1}, {0, 0}};
            int x = 0;
            int y = 0;
            for (int[] step : steps) {
                if (step[0] != x) {
                    MosquittoClients.publish(port, "neuron/x", "{\"from\":\"sensor_x\",\"value\":" + step[0] + "}", false);
                }
                if (step[1] != y) {
                    MosquittoClients.publish(port, "neuron/y", "{\"from\":\"sensor_y\",\"value\":" + step[1] + "}", false);
                }
                x = step[0];
                y = step[1];
                awaitZ(z, x ^ y);
            }
        }

        ManagedProcess.Result logs = launcher.run(60, "logs", "--broker", broker);
        assertEquals(0, logs.exitCode(), logs.output());
        assertTrue(logs.output().contains("h1 is kicking z"), logs.output());
        assertTrue(logs.output().contains("sensor_x is kicking x"), logs.output());

        ManagedProcess.Result inspect = launcher.run(60, "inspect", "z", "--broker", broker);
        assertEquals(0, inspect.exitCode(), inspect.output());
        assertTrue(inspect.output().contains("\"node\": \"n3\""), inspect.output());

        ManagedProcess.Result missing = launcher.run(60, "inspect", "nobody", "--broker", broker, "--timeout", "1s");
        assertEquals(1, missing.exitCode(), missing.output());
        assertTrue(missing.output().contains("no neuron 'nobody' in the running topology (rev 1); its neurons are x y"
                + " h1 h2 h3 z"), missing.output());

        // The same network auto-placed: neurons move, the old host keeping each until the new one has it, so the
        // nodes' applied lines can list a neuron twice; the last line says where each one ended up, once.
        ManagedProcess.Result auto = launcher.run(60, "topology", "apply", "examples/xor-auto.json", "--broker",
                broker);
        assertEquals(0, auto.exitCode(), auto.output());
        Matcher settled = Pattern.compile("\\nplacement settled in \\d+\\.\\d\\d s: every neuron on one node"
                + " \\((.*)\\)\\n$").matcher(auto.output());
        assertTrue(settled.find(), auto.output());
        List<String> placed = new ArrayList<>();
        for (String node : settled.group(1).split("; ")) {
            placed.addAll(List.of(node.replaceFirst("^n\\d: ", "").split(" ")));
        }
        assertEquals(List.of("h1", "h2", "h3", "x", "y", "z"), placed.stream().sorted().toList(), auto.output());

        // Each node runs a worker too, and its log says so, never that it stopped (it did, at start, for the worker
        // made only to check the tasks).
        for (ManagedProcess edge : edges) {
            assertTrue(edge.output().contains("(also a worker on queue default)"), edge.output());
            assertFalse(edge.output().matches("(?s).*worker n\\d stopped.*"), edge.output());
        }
    }

    /** Reads mosquitto_sub lines until z's output has {@code expected} (earlier lines may be transients). */
    private static void awaitZ(MosquittoClients.Subscriber z, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            String line = z.next(Duration.ofMillis(200));
            if (line == null) {
                if (last != null && last.contains("\"value\":" + expected + ",")) {
                    return;
                }
                continue;
            }
            last = line;
        }
        throw new AssertionError("neuron/z/output did not settle at " + expected + "; last line: " + last);
    }
}
