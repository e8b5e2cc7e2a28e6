package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.TestFleet;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large topology on two runtimes, on both brokers: 20,000 auto-placed neurons. n1 subscribes an exact filter per
 * hosted neuron (thousands, in pipelined batches: {@code --input-wildcard-share 1}), n2 one {@code neuron/+} (the
 * default for half of the topology), so that both ways of subscribing run at scale side by side. An input published
 * to every neuron's own {@code neuron/<id>} reaches it (its output turns 1), and again after a broker restart (the
 * runtimes' links subscribe everything again).
 */
@Timeout(180)
class LargeTopologyIT {

    private static final int NEURONS = 20_000;
    private static final String SENSOR = "s";
    private static final List<String> NODES = List.of("n1", "n2");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** After the restart, inputs go again to neurons not there yet: they may arrive before their node reconnects. */
    private static final Duration RESEND = Duration.ofSeconds(2);

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void everyNeuronGetsItsInputOnItsOwnTopicAlsoAfterABrokerRestart(BrokerKind kind) {
        try (TestFleet<EdgeRuntime> fleet = TestFleet.builder(exactOnN1()).broker(kind)
                .start();
             MqttLink driver = MqttLink.builder().broker(URI.create(fleet.uri())).clientId("large-driver")
                     .build()) {
            fleet.start(NODES.toArray(String[]::new));
            Map<String, Integer> outputs = new ConcurrentHashMap<>();
            EdgeFleet.followOutputs(driver, outputs);
            driver.start();
            byte[] json = topology();
            try (FleetClient client = EdgeFleet.client(fleet)) {
                EdgeFleet.applyOk(fleet, client, json, NODES, WAIT);
            }
            assertTrue(placedOnce(fleet), "every neuron hosted once, on both nodes");

            sendToEveryNeuronUntilItsOutputIs(fleet, driver, outputs, 1);
            // n2's neuron/+ also brings it n1's neurons' inputs: dropped as a peer's, not as inputs for nobody.
            assertTrue(fleet.node("n2").stats().elsewhere() > 0, "n2 counts its peer's inputs");
            assertEquals(0, fleet.node("n2").stats().unknownNeuron(), "every input was for a neuron");
            fleet.broker().restart();
            // While the broker is down each node sees the other's Will and takes over its neurons until they meet
            // again; inputs are sent once the fleet hosts every neuron once more, so that each reaches its one host.
            await().atMost(WAIT).until(() -> placedOnce(fleet));
            sendToEveryNeuronUntilItsOutputIs(fleet, driver, outputs, 0);
        }
    }

    /** In-process runtimes without GPIO; n1 keeps exact input filters, n2 takes the default. */
    private static NodeStarter<EdgeRuntime> exactOnN1() {
        return EdgeFleet.runtimes((name, config) -> config.gpio(GpioSetting.OFF)
                .inputWildcardShare(name.equals("n1") ? 1 : EdgeConfig.DEFAULT_INPUT_WILDCARD_SHARE));
    }

    /** Both nodes host neurons, and together every neuron exactly once. */
    private static boolean placedOnce(TestFleet<EdgeRuntime> fleet) {
        Set<String> n1 = fleet.node("n1").hostedNeurons();
        Set<String> n2 = fleet.node("n2").hostedNeurons();
        Set<String> all = new HashSet<>(n1);
        all.addAll(n2);
        return !n1.isEmpty() && !n2.isEmpty() && n1.size() + n2.size() == NEURONS && all.size() == NEURONS;
    }

    private static String neuron(int i) {
        return "n" + i;
    }

    /** Level neurons (threshold 0.9), each fed by the one virtual sensor with weight 1: input 1 turns it on. */
    private static byte[] topology() {
        StringBuilder json = new StringBuilder("{\"rev\":1,\"name\":\"large\",\"defaults\":{\"threshold\":0.9,"
                + "\"mode\":\"level\"},\"sensors\":[{\"id\":\"" + SENSOR + "\"}],\"neurons\":[");
        for (int i = 0; i < NEURONS; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(neuron(i)).append("\"}");
        }
        json.append("],\"synapses\":[");
        for (int i = 0; i < NEURONS; i++) {
            json.append(i == 0 ? "" : ",").append("{\"from\":\"").append(SENSOR).append("\",\"to\":\"")
                    .append(neuron(i)).append("\",\"weight\":1}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Publishes the sensor's {@code value} to {@code neuron/<id>} of every neuron whose output is not {@code value}
     * yet, again every {@link #RESEND}, until every output is {@code value}. Repeating a level input is harmless; a
     * neuron whose subscription is missing never gets there.
     */
    private static void sendToEveryNeuronUntilItsOutputIs(TestFleet<EdgeRuntime> fleet, MqttLink driver,
                                                          Map<String, Integer> outputs, int value) {
        byte[] payload = InputCodec.encode(Input.of(SENSOR, value));
        long[] lastSent = {0};
        AtomicReference<List<String>> waiting = new AtomicReference<>(List.of());
        try {
            awaitOutputs(driver, outputs, value, payload, lastSent, waiting);
        } catch (ConditionTimeoutException e) {
            List<String> left = waiting.get();
            List<String> some = left.subList(0, Math.min(5, left.size()));
            Map<String, String> where = new TreeMap<>();
            for (String id : some) {
                where.put(id, "output " + outputs.get(id) + ", hosted on " + NODES.stream()
                        .filter(n -> fleet.node(n).hostedNeurons().contains(id)).toList());
            }
            throw new AssertionError(left.size() + " neuron(s) never reached " + value + ", e.g. " + where, e);
        }
    }

    private static void awaitOutputs(MqttLink driver, Map<String, Integer> outputs, int value, byte[] payload,
                                     long[] lastSent, AtomicReference<List<String>> left) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<String> waiting = IntStream.range(0, NEURONS).mapToObj(LargeTopologyIT::neuron)
                    .filter(id -> !Integer.valueOf(value).equals(outputs.get(id))).toList();
            left.set(waiting);
            if (!waiting.isEmpty() && System.nanoTime() - lastSent[0] > RESEND.toNanos()) {
                if (lastSent[0] != 0) {
                    // A burst of 20,000 outputs may exceed what a broker queues for one subscriber: read the
                    // retained outputs again rather than wait for changes that already happened.
                    driver.unsubscribe(List.of(Topics.ALL_OUTPUTS));
                    EdgeFleet.followOutputs(driver, outputs);
                }
                waiting.forEach(id -> driver.publish(Topics.input(id), payload, Qos.AT_LEAST_ONCE, false));
                lastSent[0] = System.nanoTime();
            }
            return waiting.isEmpty();
        });
    }
}
