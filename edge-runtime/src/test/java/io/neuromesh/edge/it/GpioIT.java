package io.neuromesh.edge.it;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResult;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Buttons and an LED through Pi4J's mock plugin (the same code path as on a Pi), on real brokers. */
@Timeout(180)
class GpioIT {

    private static final int[][] STATES = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private static byte[] gpioTopology() {
        return XorFleet.readExample("xor-gpio.json");
    }

    private static void set(GpioFleet fleet, int x, int y) throws InterruptedException {
        fleet.press("n1", 17, x == 1);
        fleet.press("n1", 27, y == 1);
        assertTrue(fleet.awaitPin("n3", 22, (x ^ y) == 1),
                "LED on n3 pin 22 should be " + (x ^ y) + " for buttons " + x + "," + y + "; pins " + fleet.pins);
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void theLedFollowsXorOfTheButtonsThroughAllTwelveTransitions(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind); GpioFleet fleet = new GpioFleet(broker.uri(), Map.of())) {
            fleet.applyOk(gpioTopology(), 1);
            assertTrue(fleet.awaitPin("n1", 17, false), "button 17 opened and reported");
            assertTrue(fleet.awaitPin("n3", 22, false), "LED opened and off");
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
            FleetClient.PinEvent led = fleet.pins.get("n3/22");
            assertEquals("led_z", led.state().orElseThrow().id(), led.toString());
        }
    }

    @Test
    void movingASensorToAnotherPinClosesTheOldPinOpensTheNewOneAndKeepsTheBrainsState() throws Exception {
        try (TestBroker broker = TestBrokers.embedded(); GpioFleet fleet = new GpioFleet(broker.uri(), Map.of())) {
            fleet.applyOk(gpioTopology(), 1);
            set(fleet, 0, 1);
            assertTrue(fleet.outputs.awaitSettled("z", 1, XorFleet.QUIET, XorFleet.TIMEOUT));
            long firesBefore = fleet.runtimes.get(2).stats().outputs();

            String moved = new String(gpioTopology(), StandardCharsets.UTF_8).replaceFirst("\"rev\": 1", "\"rev\": 2")
                    .replaceFirst("\"pin\": 17", "\"pin\": 5");
            fleet.applyOk(moved.getBytes(StandardCharsets.UTF_8), 2);
            assertTrue(fleet.awaitClosed("n1", 17), "pin 17 closed; its retained state cleared");
            assertTrue(fleet.awaitPin("n1", 5, false), "pin 5 opened");
            assertTrue(fleet.awaitPin("n1", 27, true), "button y untouched: still pressed");
            assertTrue(fleet.awaitPin("n3", 22, true), "LED still on: z kept its state");
            assertEquals(firesBefore, fleet.runtimes.get(2).stats().outputs(), "z did not change during the move");

            Optional<String> refused = fleet.client.gpioSet("n1", 17, true, GpioFleet.TIMEOUT);
            assertEquals(Optional.of("pin 17 is not a sensor input on node n1"), refused);
            fleet.press("n1", 5, true);
            assertTrue(fleet.awaitPin("n3", 22, false), "x = y = 1 through the new pin: LED off");
        }
    }

    @Test
    void anInvalidPinConfigIsRejectedWithAClearErrorAndNothingElseIsDisturbed() throws Exception {
        try (TestBroker broker = TestBrokers.embedded();
             GpioFleet fleet = new GpioFleet(broker.uri(), Map.of("n2", GpioSetting.OFF))) {
            fleet.applyOk(gpioTopology(), 1);
            set(fleet, 1, 0);

            // Rejected by every node: a pin outside the header.
            String outside = new String(gpioTopology(), StandardCharsets.UTF_8).replaceFirst("\"rev\": 1", "\"rev\": 2")
                    .replaceFirst("\"pin\": 22", "\"pin\": 40");
            fleet.client.publishTopology(outside.getBytes(StandardCharsets.UTF_8));
            Map<String, TopologyResult> reports =
                    fleet.client.awaitTopologyReports(2, XorFleet.NODES, GpioFleet.TIMEOUT);
            assertEquals(3, reports.size());
            reports.values().forEach(r -> {
                assertEquals(TopologyOutcome.REJECTED, r.result());
                assertTrue(r.errors().contains("actuators[0].pin: 40 is outside the header's BCM range 0-27"),
                        r.errors().toString());
            });

            // Rejected by n2 only, which has no GPIO; n1 and n3 apply rev 3.
            String onN2 = new String(gpioTopology(), StandardCharsets.UTF_8).replaceFirst("\"rev\": 1", "\"rev\": 3")
                    .replaceFirst("\"actuators\": \\[", "\"actuators\": [ { \"id\": \"led_h1\", \"node\": \"n2\", "
                            + "\"pin\": 23, \"neuron\": \"h1\" },");
            fleet.client.publishTopology(onN2.getBytes(StandardCharsets.UTF_8));
            reports = fleet.client.awaitTopologyReports(3, XorFleet.NODES, GpioFleet.TIMEOUT);
            assertEquals(TopologyOutcome.REJECTED, reports.get("n2").result());
            assertEquals("actuators[0].node: node n2 has no GPIO (it runs with --gpio off), so it cannot drive pin 23",
                    reports.get("n2").errors().get(0));
            assertEquals(TopologyOutcome.APPLIED, reports.get("n1").result());
            assertEquals(TopologyOutcome.APPLIED, reports.get("n3").result());
            assertEquals(1, fleet.runtimes.get(1).rev(), "n2 keeps running rev 1");

            assertTrue(fleet.awaitPin("n3", 22, true), "the LED never moved");
            set(fleet, 1, 1);
            set(fleet, 0, 1);
        }
    }
}
