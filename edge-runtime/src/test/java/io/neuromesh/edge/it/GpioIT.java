package io.neuromesh.edge.it;

import com.google.gson.JsonParser;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.mqtt.PublishRefusedException;
import io.neuromesh.edge.wire.TopologyResult;
import io.neuromesh.edge.Topics;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.neuromesh.edge.it.EdgeFleet.NODES;
import static io.neuromesh.edge.it.EdgeFleet.TIMEOUT;
import static io.neuromesh.edge.it.EdgeFleet.applyOk;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Buttons and an LED through Pi4J's mock plugin (the same code path as on a Pi), on real brokers. */
@Timeout(180)
class GpioIT {

    private static final int[][] STATES = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    /** A pin counts as set once its published state held this long (no later change on top of it). */
    private static final Duration PIN_STABLE = Duration.ofMillis(100);

    /** A fleet of three runtimes with simulated GPIO (n2 with {@code n2Gpio}), its client and observers. */
    private record GpioFleet(TestFleet<EdgeRuntime> fleet, FleetClient client, Observer pins, Observer outputs)
            implements AutoCloseable {

        static GpioFleet start(BrokerKind kind, GpioSetting n2Gpio) {
            TestFleet<EdgeRuntime> fleet = TestFleet.builder(EdgeFleet.runtimes(GpioSetting.MOCK)).broker(kind).start();
            try {
                fleet.start("n1");
                fleet.start("n2", EdgeFleet.runtimes(n2Gpio));
                fleet.start("n3");
                return new GpioFleet(fleet, EdgeFleet.client(fleet), fleet.observe(Topics.NODES_PREFIX + "+/gpio/+"),
                        fleet.observe(Topics.ALL_OUTPUTS));
            } catch (RuntimeException | Error e) {
                fleet.close();
                throw e;
            }
        }

        void press(String node, int pin, boolean high) {
            Optional<String> refused = client.gpioSet(node, pin, high, TIMEOUT);
            assertTrue(refused.isEmpty(), () -> "gpio set refused: " + refused.orElse(""));
        }

        Optional<String> pin(String node, int pin) {
            return pins.latest(Topics.nodeGpio(node, pin));
        }

        /** Waits until the pin's published state is {@code active} and stays so for {@link #PIN_STABLE}. */
        void awaitPin(String node, int pin, boolean active, String why) {
            await().atMost(TIMEOUT).during(PIN_STABLE).untilAsserted(() -> assertTrue(pin(node, pin)
                    .map(json -> JsonParser.parseString(json).getAsJsonObject().get("active").getAsBoolean() == active)
                    .orElse(false), () -> why + "; pins " + pins.latest()));
        }

        /** Waits until the pin's retained state is cleared (the pin was closed). */
        void awaitClosed(String node, int pin, String why) {
            await().atMost(TIMEOUT).untilAsserted(
                    () -> assertTrue(pin(node, pin).isEmpty(), () -> why + "; pins " + pins.latest()));
        }

        @Override
        public void close() {
            client.close();
            fleet.close();
        }
    }

    private static byte[] gpioTopology() {
        return TestFleet.example("xor-gpio.json");
    }

    private static void set(GpioFleet fleet, int x, int y) {
        fleet.press("n1", 17, x == 1);
        fleet.press("n1", 27, y == 1);
        fleet.awaitPin("n3", 22, (x ^ y) == 1, "LED on n3 pin 22 should be " + (x ^ y) + " for buttons " + x + "," + y);
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void theLedFollowsXorOfTheButtonsThroughAllTwelveTransitions(BrokerKind kind) {
        try (GpioFleet fleet = GpioFleet.start(kind, GpioSetting.MOCK)) {
            applyOk(fleet.fleet(), fleet.client(), gpioTopology(), 1);
            fleet.awaitPin("n1", 17, false, "button 17 opened and reported");
            fleet.awaitPin("n3", 22, false, "LED opened and off");
            int transitions = 0;
            for (int[] from : STATES) {
                for (int[] to : STATES) {
                    if (from != to) {
                        set(fleet, from[0], from[1]);
                        set(fleet, to[0], to[1]);
                        transitions++;
                    }
                }
            }
            assertEquals(12, transitions);
            String led = fleet.pin("n3", 22).orElseThrow();
            assertTrue(led.contains("\"id\":\"led_z\""), led);
        }
    }

    @Test
    void movingASensorToAnotherPinClosesTheOldPinOpensTheNewOneAndKeepsTheBrainsState() {
        try (GpioFleet fleet = GpioFleet.start(BrokerKind.HIVEMQ_EMBEDDED, GpioSetting.MOCK)) {
            applyOk(fleet.fleet(), fleet.client(), gpioTopology(), 1);
            set(fleet, 0, 1);
            EdgeFleet.awaitSettled(fleet.outputs(), "z", 1);
            long firesBefore = fleet.fleet().node("n3").stats().outputs();

            String moved = new String(gpioTopology(), StandardCharsets.UTF_8).replaceFirst("\"rev\": 1", "\"rev\": 2")
                    .replaceFirst("\"pin\": 17", "\"pin\": 5");
            applyOk(fleet.fleet(), fleet.client(), moved.getBytes(StandardCharsets.UTF_8), 2);
            fleet.awaitClosed("n1", 17, "pin 17 closed; its retained state cleared");
            fleet.awaitPin("n1", 5, false, "pin 5 opened");
            fleet.awaitPin("n1", 27, true, "button y untouched: still pressed");
            fleet.awaitPin("n3", 22, true, "LED still on: z kept its state");
            assertEquals(firesBefore, fleet.fleet().node("n3").stats().outputs(), "z did not change during the move");

            Optional<String> refused = fleet.client().gpioSet("n1", 17, true, TIMEOUT);
            assertEquals(Optional.of("pin 17 is not a sensor input on node n1"), refused);
            fleet.press("n1", 5, true);
            fleet.awaitPin("n3", 22, false, "x = y = 1 through the new pin: LED off");
        }
    }

    @Test
    void anInvalidPinConfigIsRejectedWithAClearErrorAndNothingElseIsDisturbed() {
        try (GpioFleet fleet = GpioFleet.start(BrokerKind.HIVEMQ_EMBEDDED, GpioSetting.OFF)) {
            applyOk(fleet.fleet(), fleet.client(), gpioTopology(), 1);
            set(fleet, 1, 0);

            // A pin outside the header: the embedded broker's guard refuses it with the parser's error, so no node
            // ever sees it (on Mosquitto the nodes reject such a document themselves: StrayTopologyIT).
            String outside = new String(gpioTopology(), StandardCharsets.UTF_8).replaceFirst("\"rev\": 1", "\"rev\": 2")
                    .replaceFirst("\"pin\": 22", "\"pin\": 40");
            PublishRefusedException refused = assertThrows(PublishRefusedException.class,
                    () -> fleet.client().publishTopology(outside.getBytes(StandardCharsets.UTF_8)));
            assertTrue(refused.reason().startsWith("actuators[0].pin: 40 is outside the header's BCM range 0-27"),
                    refused.reason());
            fleet.fleet().nodes().values().forEach(node -> assertEquals(1, node.rev(), "every node keeps rev 1"));

            // Rejected by n2 only, which has no GPIO; n1 and n3 apply rev 3.
            String onN2 = new String(gpioTopology(), StandardCharsets.UTF_8).replaceFirst("\"rev\": 1", "\"rev\": 3")
                    .replaceFirst("\"actuators\": \\[", "\"actuators\": [ { \"id\": \"led_h1\", \"node\": \"n2\", "
                            + "\"pin\": 23, \"neuron\": \"h1\" },");
            Map<String, TopologyResult> reports = EdgeFleet.apply(fleet.fleet(), onN2.getBytes(StandardCharsets.UTF_8), 3);
            assertEquals(TopologyOutcome.REJECTED, reports.get("n2").result());
            assertEquals("actuators[0].node: node n2 has no GPIO (it runs with --gpio off), so it cannot drive pin 23",
                    reports.get("n2").errors().get(0));
            assertEquals(TopologyOutcome.APPLIED, reports.get("n1").result());
            assertEquals(TopologyOutcome.APPLIED, reports.get("n3").result());
            assertEquals(1, fleet.fleet().node("n2").rev(), "n2 keeps running rev 1");

            fleet.awaitPin("n3", 22, true, "the LED never moved");
            set(fleet, 1, 1);
            set(fleet, 0, 1);
        }
    }

    /**
     * A request sent while its node is away is not lost: n1 restarts (a fresh session, so the broker drops what was
     * queued for the old one) and the client sends the pending gpio set again when n1 announces itself online.
     */
    @Test
    void aGpioSetSentWhileItsNodeRestartsIsDoneOnceTheNodeIsBack() throws Exception {
        try (GpioFleet fleet = GpioFleet.start(BrokerKind.HIVEMQ_EMBEDDED, GpioSetting.MOCK)) {
            applyOk(fleet.fleet(), fleet.client(), gpioTopology(), 1);
            fleet.awaitPin("n1", 17, false, "button 17 opened and reported");
            fleet.fleet().stop("n1");
            Observer requests = fleet.fleet().observe(Topics.gpioSetRequest("n1"));

            CompletableFuture<Optional<String>> pressed = CompletableFuture.supplyAsync(
                    () -> fleet.client().gpioSet("n1", 17, true, Duration.ofSeconds(30)));
            await("the request went out while n1 was down").atMost(TIMEOUT)
                    .until(() -> !requests.history().isEmpty());
            fleet.fleet().start("n1");

            assertEquals(Optional.empty(), pressed.get(40, TimeUnit.SECONDS), "done by the restarted n1");
            fleet.awaitPin("n1", 17, true, "button 17 pressed on the restarted n1");
        }
    }
}
