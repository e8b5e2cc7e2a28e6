package io.neuromesh.cli.it;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.process.ManagedProcess;
import io.neuromesh.testkit.process.MosquittoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GPIO walkthrough of the README as separate processes: nodes on simulated GPIO, buttons pressed with
 * {@code ./neuromesh gpio set}, the LED read with {@code mosquitto_sub} on its pin topic.
 */
@Timeout(240)
class GpioWalkthroughIT extends WalkthroughBase {



    @Test
    void buttonsPressedWithGpioSetLightTheLedOnNodeN3() throws Exception {
        int port = FreePorts.next();
        String broker = "tcp://127.0.0.1:" + port;
        launcher.start("broker", "broker", "--port", Integer.toString(port), "--in-memory")
                .awaitOutput("broker listening on tcp://127\\.0\\.0\\.1:" + port, STARTUP);
        for (String node : new String[] {"n1", "n2", "n3"}) {
            launcher.start(node, "edge", "--node", node, "--gpio", "mock", "--broker", broker);
        }
        try (MosquittoClients.Subscriber led = MosquittoClients.subscribe(port, "neuromesh/nodes/n3/gpio/22")) {
            ManagedProcess.Result apply = applyWhenAllOnline(broker);
            assertTrue(apply.output().contains("n1         applied rev 1, hosting x y"), apply.output());
            assertLed(led, false);

            gpio(broker, "n1", 17, "high");
            assertLed(led, true);
            gpio(broker, "n1", 27, "high");
            assertLed(led, false);
            gpio(broker, "n1", 17, "low");
            assertLed(led, true);
            gpio(broker, "n1", 27, "low");
            assertLed(led, false);
        }

        ManagedProcess.Result notASensor = launcher.run(60, "gpio", "set", "--node", "n3", "--pin", "22", "high",
                "--broker", broker);
        assertEquals(1, notASensor.exitCode(), notASensor.output());
        assertTrue(notASensor.output().contains("pin 22 is not a sensor input on node n3"), notASensor.output());
    }

    /** Nodes connect in the background: apply once all three report online (apply waits for online nodes only). */
    private ManagedProcess.Result applyWhenAllOnline(String broker) throws Exception {
        try (FleetClient client = FleetClient.connect(URI.create(broker), Duration.ofSeconds(10))) {
            await("three nodes online").atMost(STARTUP).until(() -> client.nodes().values().stream()
                    .filter(NodeStatus::online).count() == 3);
        }
        ManagedProcess.Result apply = launcher.run(60, "topology", "apply", "examples/xor-gpio.json", "--broker",
                broker);
        assertEquals(0, apply.exitCode(), apply.output());
        return apply;
    }

    private void gpio(String broker, String node, int pin, String level) throws Exception {
        ManagedProcess.Result set = launcher.run(60, "gpio", "set", "--node", node, "--pin", Integer.toString(pin),
                level, "--broker", broker);
        assertEquals(0, set.exitCode(), set.output());
    }

    /** Reads pin-22 lines until one shows the LED in the expected state. */
    private static void assertLed(MosquittoClients.Subscriber led, boolean on) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            String line = led.next(Duration.ofMillis(200));
            if (line != null) {
                last = line;
                if (line.contains("\"active\":" + on)) {
                    return;
                }
            }
        }
        assertNotNull(last, "no state on neuromesh/nodes/n3/gpio/22");
        throw new AssertionError("LED should be " + (on ? "on" : "off") + "; last: " + last);
    }
}
