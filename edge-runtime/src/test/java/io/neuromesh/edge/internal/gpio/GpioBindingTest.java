package io.neuromesh.edge.internal.gpio;

import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.internal.port.PinControl;
import io.neuromesh.gpio.DigitalInputPin;
import io.neuromesh.gpio.Gpio;
import io.neuromesh.gpio.GpioMode;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binding over the device-drivers GPIO port on Pi4J's mock plugin: the same code path as on a Pi. */
class GpioBindingTest {

    /** One input edge as the pin's listener thread posts it. */
    private record Edge(String sensor, DigitalInputPin pin, boolean active) {
    }

    private static final Pattern TS = Pattern.compile("\"ts\":\\d+");

    private final BlockingQueue<Edge> edges = new LinkedBlockingQueue<>();
    /** "pin: json" lines as published; an empty json clears the pin's retained state. */
    private final List<String> reports = new ArrayList<>();
    private final GpioBinding binding = new GpioBinding("n1", GpioSetting.MOCK,
            (sensor, pin, active) -> edges.add(new Edge(sensor, pin, active)),
            (pin, payload) -> reports.add(pin + ": " + TS.matcher(new String(payload, StandardCharsets.UTF_8))
                    .replaceAll("\"ts\":T")), (task, delayMicros) -> { },
            () -> Gpio.open(GpioMode.MOCK));

    @AfterEach
    void close() {
        binding.close();
    }

    private static Topology topology(int rev, int buttonPin) {
        return Topology.parse(("""
                {"rev":%d,"name":"t","defaults":{"threshold":0.9,"mode":"level"},
                 "sensors":[{"id":"btn","node":"n1","pin":%d,"pull":"down","value":{"high":2,"low":0.5}},
                            {"id":"far","node":"n2","pin":5}],
                 "neurons":[{"id":"a","node":"n1"}],
                 "synapses":[{"from":"btn","to":"a","weight":1},{"from":"far","to":"a","weight":1}],
                 "actuators":[{"id":"led","node":"n1","pin":22,"neuron":"a","kind":"digital"},
                              {"id":"dim","node":"n1","pin":18,"neuron":"a","kind":"pwm",
                               "frequencyHz":100,"dutyPercent":40}]}""")
                .formatted(rev, buttonPin).getBytes(StandardCharsets.UTF_8));
    }

    private Edge nextEdge() throws InterruptedException {
        // The mock port delivers edges on its own event thread; 5 s is far above its microseconds on a loaded CI.
        Edge edge = edges.poll(5, TimeUnit.SECONDS);
        assertNotNull(edge, "no edge within 5 s");
        return edge;
    }

    @Test
    void reconcileOpensThisNodesPinsAndSaysWhatItOpenedAndWhichNeuronsItFollows() {
        PinControl.Reconciled done = binding.reconcile(topology(1, 17));

        assertEquals(List.of(), done.errors());
        assertEquals(1, done.opened().size(), "only n1's sensor");
        assertEquals("btn", done.opened().get(0).sensor().id());
        assertEquals(0.5, done.opened().get(0).value(), "inactive: the sensor's low value");
        assertEquals(Set.of("a"), done.followed());
        assertEquals(List.of(
                "17: {\"v\":1,\"pin\":17,\"id\":\"btn\",\"kind\":\"input\",\"active\":false,\"level\":\"low\",\"ts\":T}",
                "22: {\"v\":1,\"pin\":22,\"id\":\"led\",\"neuron\":\"a\",\"kind\":\"digital\",\"active\":false,\"level\":\"low\","
                        + "\"ts\":T}",
                "18: {\"v\":1,\"pin\":18,\"id\":\"dim\",\"neuron\":\"a\",\"kind\":\"pwm\",\"active\":false,\"duty\":0.0,\"ts\":T}"),
                reports, "the pin-state JSON is what watchers read, with the version first");
    }

    @Test
    void aSimulatedPressBecomesAnEdgeThatTheBrainTurnsIntoTheSensorsValue() throws Exception {
        binding.reconcile(topology(1, 17));
        reports.clear();

        assertEquals(Optional.empty(), binding.simulate(17, true));
        Edge edge = nextEdge();
        assertEquals("btn", edge.sensor());
        assertTrue(edge.active());

        PinControl.Reading reading = binding.edge(edge.sensor(), edge.pin(), edge.active()).orElseThrow();
        assertEquals(2.0, reading.value(), "active: the sensor's high value");
        assertEquals(List.of("17: {\"v\":1,\"pin\":17,\"id\":\"btn\",\"kind\":\"input\",\"active\":true,\"level\":\"high\","
                + "\"ts\":T}"), reports);
    }

    @Test
    void neuronOutputsDriveTheActuatorsThatFollowThem() {
        binding.reconcile(topology(1, 17));
        reports.clear();

        binding.neuronOutput("a", 1);
        binding.neuronOutput("other", 0);

        assertEquals(List.of(
                "22: {\"v\":1,\"pin\":22,\"id\":\"led\",\"neuron\":\"a\",\"kind\":\"digital\",\"active\":true,\"level\":\"high\","
                        + "\"ts\":T}",
                "18: {\"v\":1,\"pin\":18,\"id\":\"dim\",\"neuron\":\"a\",\"kind\":\"pwm\",\"active\":true,\"duty\":40.0,\"ts\":T}"),
                reports);
    }

    @Test
    void movingASensorClosesTheOldPinAndAnEdgeFromItIsIgnored() throws Exception {
        binding.reconcile(topology(1, 17));
        binding.simulate(17, true);
        Edge stale = nextEdge();
        reports.clear();

        PinControl.Reconciled moved = binding.reconcile(topology(2, 27));

        assertEquals(List.of("btn"), moved.opened().stream().map(r -> r.sensor().id()).toList());
        assertEquals(List.of("17: ", "27: {\"v\":1,\"pin\":27,\"id\":\"btn\",\"kind\":\"input\",\"active\":false,"
                + "\"level\":\"low\",\"ts\":T}"), reports, "old pin cleared, new one reported; actuators untouched");
        assertEquals(Optional.empty(), binding.edge(stale.sensor(), stale.pin(), stale.active()),
                "an edge posted by the closed pin arrives late and is dropped");
        assertEquals(Optional.of("pin 17 is not a sensor input on node n1"), binding.simulate(17, true));
    }

    @Test
    void aNodeWithoutGpioRefusesPinsWithWhereAndWhy() {
        try (GpioBinding off = new GpioBinding("n1", GpioSetting.OFF, (s, p, a) -> { }, (p, j) -> { },
                (task, delayMicros) -> { }, () -> Gpio.open(GpioMode.MOCK))) {
            PinControl.Reconciled refused = off.reconcile(topology(1, 17));
            assertTrue(refused.refused());
            assertEquals(List.of(
                    "sensors[0].node: node n1 has no GPIO (it runs with --gpio off), so it cannot read pin 17",
                    "actuators[0].node: node n1 has no GPIO (it runs with --gpio off), so it cannot drive pin 22",
                    "actuators[1].node: node n1 has no GPIO (it runs with --gpio off), so it cannot drive pin 18"),
                    refused.errors());
            assertEquals(Optional.of("node n1 has no GPIO (it runs with --gpio off)"), off.simulate(17, true));
        }
    }

    @Test
    void closeReleasesEveryPinAndClearsItsState() {
        binding.reconcile(topology(1, 17));
        reports.clear();
        binding.close();
        assertEquals(List.of("17: ", "22: ", "18: "), reports);
    }
}
