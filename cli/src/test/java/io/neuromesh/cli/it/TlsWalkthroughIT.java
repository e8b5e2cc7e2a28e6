package io.neuromesh.cli.it;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.mqtt.Tls;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fleet over TLS only, as a user sets it up: {@code certs init}, a broker with {@code --port 0 --tls-port}, three
 * edge nodes and {@code topology apply} with {@code --broker ssl://... --ca}, and the user's mosquitto clients with
 * {@code --cafile}; plain MQTT and an untrusted CA are refused with words that say why.
 */
@Timeout(300)
class TlsWalkthroughIT extends WalkthroughBase {

    private static final Pattern ONLINE = Pattern.compile("(?m)^n\\d\\s+online\\b");

    @TempDir
    Path data;

    @Test
    void certsInitThenATlsOnlyBrokerRunsXorForNodesAndMosquittoClientsThatTrustItsCa() throws Exception {
        ManagedProcess.Result init = launcher.run(60, "certs", "init", "--data", data.toString());
        assertEquals(0, init.exitCode(), init.output());
        Path ca = data.resolve("tls").resolve("ca.crt");
        assertTrue(init.output().contains("--ca " + ca), init.output());
        ManagedProcess.Result again = launcher.run(60, "certs", "init", "--data", data.toString());
        assertEquals(1, again.exitCode(), again.output());
        assertTrue(again.output().contains("a CA already exists in " + data.resolve("tls"))
                && again.output().contains("--force replaces it"), again.output());

        int port = FreePorts.next();
        launcher.start("broker", "broker", "--data", data.toString(), "--port", "0", "--tls-port",
                Integer.toString(port)).awaitOutput("broker listening on ssl://127\\.0\\.0\\.1:" + port + " ", STARTUP);
        String broker = "ssl://localhost:" + port;

        ManagedProcess.Result plain = launcher.run(60, "nodes", "--broker", "tcp://127.0.0.1:" + port);
        assertEquals(1, plain.exitCode(), plain.output());
        assertTrue(plain.output().contains("connect with ssl://"), plain.output());
        ManagedProcess.Result untrusted = launcher.run(60, "nodes", "--broker", broker);
        assertEquals(1, untrusted.exitCode(), untrusted.output());
        assertTrue(untrusted.output().contains("the broker's certificate is not signed by a CA you trust")
                && untrusted.output().contains("--ca"), untrusted.output());

        for (String node : List.of("n1", "n2", "n3")) {
            launcher.start(node, "edge", "--node", node, "--broker", broker, "--ca", ca.toString(), "--no-worker");
        }
        await().atMost(STARTUP).until(() -> ONLINE.matcher(launcher.run(60, "nodes", "--broker", broker, "--ca",
                ca.toString()).output()).results().count() == 3);
        ManagedProcess.Result apply = launcher.run(60, "topology", "apply", "examples/xor.json", "--broker", broker,
                "--ca", ca.toString());
        assertEquals(0, apply.exitCode(), apply.output());

        Process sub = new ProcessBuilder("mosquitto_sub", "--cafile", ca.toString(), "-h", "localhost", "-p",
                Integer.toString(port), "-t", "neuron/+/output", "-v", "-C", "1", "-W", "60")
                .redirectErrorStream(true).start();
        try {
            // mosquitto_sub prints nothing when it has subscribed: fire x until an output reaches it.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                publish(ca, port, "neuron/x", "{\"fire\":true}");
                return !sub.isAlive();
            });
            String line = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, sub.exitValue(), line);
            assertTrue(line.matches("neuron/\\w+/output \\{.*\"value\":[01].*"), line);
        } finally {
            sub.destroyForcibly();
        }

        AtomicInteger z = new AtomicInteger(-1);
        try (FleetClient fleet = FleetClient.connect(URI.create(broker), Duration.ofSeconds(10),
                link -> link.tls(Tls.trustingCa(ca)))) {
            fleet.watchOutputs(event -> {
                if (event.neuron().equals("z")) {
                    z.set(event.value());
                }
            });
            int x = 0;
            int y = 0;
            for (int[] step : new int[][] {{1, 0}, {1, 1}, {0, 1}, {0, 0}}) {
                if (step[0] != x) {
                    publish(ca, port, "neuron/x", "{\"from\":\"sensor_x\",\"value\":" + step[0] + "}");
                }
                if (step[1] != y) {
                    publish(ca, port, "neuron/y", "{\"from\":\"sensor_y\",\"value\":" + step[1] + "}");
                }
                x = step[0];
                y = step[1];
                int expected = x ^ y;
                await().atMost(Duration.ofSeconds(15)).until(() -> z.get() == expected);
            }
        }
    }

    /** {@code mosquitto_pub --cafile <ca> -h localhost -p <port> -q 1 -t <topic> -m <message>}. */
    private static void publish(Path ca, int port, String topic, String message)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mosquitto_pub", "--cafile", ca.toString(), "-h", "localhost", "-p",
                Integer.toString(port), "-q", "1", "-t", topic, "-m", message).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("mosquitto_pub over TLS failed: " + output);
        }
    }
}
