package io.neuromesh.edge.it;

import com.google.gson.JsonParser;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.runtime.EdgeRuntimeImpl;
import io.neuromesh.gpio.Gpio;
import io.neuromesh.gpio.GpioPort;
import io.neuromesh.gpio.GpioSimulator;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static io.neuromesh.edge.it.EdgeFleet.TIMEOUT;
import static io.neuromesh.edge.it.EdgeFleet.applyOk;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, item 4: the broker dies, and the LED of a mock-GPIO node (Pi4J's mock plugin, the same path as on a Pi)
 * goes to its fail-safe level within its timeout, read straight from the pin since nothing can be published; an
 * actuator that holds keeps its level; when the broker is back both follow their neuron again.
 */
@Timeout(180)
class FailSafeIT {

    private static final Duration FAIL_SAFE_AFTER = Duration.ofSeconds(1);
    /** Scheduling and the brain thread's wake-up on a loaded 2-core machine: far above their milliseconds. */
    private static final Duration MARGIN = Duration.ofSeconds(2);
    private static final int LED = 22;
    private static final int HELD = 23;

    /** XOR on buttons 17/27 of n1, z on n3 driving led_z (low after 1 s without the broker) and led_hold (hold). */
    private static byte[] topology() {
        String xor = new String(TestFleet.example("xor-gpio.json"), StandardCharsets.UTF_8);
        return xor.replaceFirst("\"kind\": \"digital\" }", "\"kind\": \"digital\", \"failSafe\": \"low\", "
                        + "\"failSafeAfterMs\": " + FAIL_SAFE_AFTER.toMillis() + " },\n"
                        + "    { \"id\": \"led_hold\", \"node\": \"n3\", \"pin\": " + HELD
                        + ", \"neuron\": \"z\", \"failSafe\": \"hold\" }")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** n3 as an in-process runtime that keeps the mock GPIO port it opens, so that the test can read its pins. */
    private static NodeStarter<EdgeRuntime> watched(AtomicReference<GpioPort> port) {
        return (name, broker) -> {
            EdgeRuntime runtime = new EdgeRuntimeImpl(
                    EdgeRuntime.builder().node(name).broker(broker).gpio(GpioSetting.MOCK).config(), mode -> {
                        GpioPort opened = Gpio.open(mode);
                        port.set(opened);
                        return opened;
                    });
            runtime.start();
            return runtime;
        };
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void theLedGoesLowWhenTheBrokerIsGoneTheHeldOneStaysAndBothFollowZAgainWhenItIsBack(BrokerKind kind) {
        AtomicReference<GpioPort> n3Port = new AtomicReference<>();
        try (TestFleet<EdgeRuntime> fleet = TestFleet.builder(EdgeFleet.runtimes(GpioSetting.MOCK)).broker(kind)
                .start()) {
            fleet.start("n1");
            fleet.start("n2");
            fleet.start("n3", watched(n3Port));
            Observer pins = fleet.observe(Topics.NODES_PREFIX + "+/gpio/+");
            Observer statuses = fleet.observe(Topics.ALL_STATUSES);
            try (FleetClient client = EdgeFleet.client(fleet)) {
                applyOk(fleet, client, topology(), 1);
                press(client, 17, true);
                press(client, 27, false);
                awaitPublished(pins, LED, true, "x=1, y=0: z=1 turns the LED on");
                awaitPublished(pins, HELD, true, "and the held one");
                GpioSimulator n3 = n3Port.get().simulator().orElseThrow();
                assertTrue(n3.level(LED) && n3.level(HELD), "both pins are high on n3's port");

                long stopping = System.nanoTime();
                fleet.broker().stop();
                Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);
                if (stopped.compareTo(FAIL_SAFE_AFTER) < 0) {
                    // The node lost the broker no earlier than the stop began: its 1 s cannot have passed yet.
                    assertTrue(n3.level(LED), "the LED waits for its timeout; a blip never switches it");
                }
                await("the LED goes low within its timeout once the broker is gone")
                        .atMost(FAIL_SAFE_AFTER.plus(MARGIN)).pollInterval(Duration.ofMillis(10))
                        .until(() -> !n3.level(LED));
                assertTrue(n3.level(HELD), "led_hold keeps its level: its timer would have fired with the LED's");

                fleet.broker().start();
                long restarted = System.nanoTime();
                await("back: the LED follows z (still 1) again").atMost(TIMEOUT).pollInterval(Duration.ofMillis(10))
                        .until(() -> n3.level(LED));
                awaitPublished(pins, LED, true, "its state is published again after the reconnect");

                // The broker kept no session: an input reaches a node only once it is back and subscribed again,
                // which its first status after the restart says (it announces after restoring subscriptions).
                for (String node : EdgeFleet.NODES) {
                    await(node + " announced itself after the restart").atMost(TIMEOUT).until(() -> statuses
                            .history(Topics.nodeStatus(node)).stream().anyMatch(m -> m.arrivedNanos() > restarted
                                    && m.payload().contains("\"online\"")));
                }
                press(client, 17, false);
                await("z=0 after the outage: both follow it").atMost(TIMEOUT)
                        .until(() -> !n3.level(LED) && !n3.level(HELD));
            }
        }
    }

    private static void press(FleetClient client, int pin, boolean high) {
        Optional<String> refused = client.gpioSet("n1", pin, high, TIMEOUT);
        assertTrue(refused.isEmpty(), () -> "gpio set refused: " + refused.orElse(""));
    }

    private static void awaitPublished(Observer pins, int pin, boolean active, String why) {
        await(why).atMost(TIMEOUT).until(() -> pins.latest(Topics.nodeGpio("n3", pin))
                .map(json -> JsonParser.parseString(json).getAsJsonObject().get("active").getAsBoolean() == active)
                .orElse(false));
    }
}
