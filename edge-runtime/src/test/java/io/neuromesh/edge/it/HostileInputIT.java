package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.neuromesh.edge.it.EdgeFleet.applyOk;
import static io.neuromesh.edge.it.EdgeFleet.expect;
import static io.neuromesh.edge.it.EdgeFleet.prime;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hundreds of malformed payloads on neuron inputs and on the topology topic: nothing falls over. */
@Timeout(120)
class HostileInputIT {

    private static final String[] TEMPLATES = {
            "{\"from\":\"x\",\"value\":NaN}", "{\"from\":\"h1\"}", "{\"value\":1}", "{\"from\":\"a/b\",\"value\":1}",
            "{\"from\":\"x\",\"value\":\"1\"}", "[1,2,3]", "null", "{\"fire\":false}", "{{{{", "\"fire\"",
            "{\"from\":\"x\",\"value\":1e999}", "{\"from\":\"x\",\"value\":1,\"extra\":true}", ""};

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void theRuntimeCountsMalformedPayloadsStaysUpAndXorStillWorks(BrokerKind kind) throws Exception {
        try (TestFleet<EdgeRuntime> fleet = EdgeFleet.xor(kind); FleetClient client = EdgeFleet.client(fleet);
             MqttLink attacker = MqttLink.builder().broker(fleet.uri()).clientId("attacker").build()) {
            Observer outputs = fleet.observe(Topics.ALL_OUTPUTS);
            applyOk(fleet, client, TestFleet.example("xor.json"), 1);
            prime(client, outputs);
            attacker.start();

            List<byte[]> payloads = malformedPayloads(300);
            String[] neurons = {"x", "y", "h1", "h2", "h3", "z"};
            for (int i = 0; i < payloads.size(); i++) {
                attacker.publish(Topics.input(neurons[i % neurons.length]), payloads.get(i), Qos.AT_LEAST_ONCE, false);
                attacker.publish(Topics.TOPOLOGY, payloads.get(i), Qos.AT_LEAST_ONCE, false);
            }
            // On Mosquitto every node rejects every bad topology itself. The embedded broker's guard refuses them
            // before any node sees one: by the time the last input (sent after the last topology, by the same
            // client, in order) is counted, a topology that got through would have reached the nodes too.
            int rejectedByNodes = kind == BrokerKind.HIVEMQ_EMBEDDED ? 0 : payloads.size();
            await("every malformed payload counted").atMost(Duration.ofSeconds(20))
                    .until(() -> totalMalformed(fleet) >= payloads.size() && allRejected(fleet, rejectedByNodes));
            assertEquals(payloads.size(), totalMalformed(fleet), "every malformed input counted once");
            fleet.nodes().values().forEach(r -> assertEquals(rejectedByNodes, r.stats().topologyRejected(),
                    "bad topologies rejected by the node (0: the broker refused them)"));
            fleet.nodes().values().forEach(r -> assertEquals(1, r.rev(), "the running topology stays"));
            for (int[] state : new int[][] {{1, 0}, {1, 1}, {0, 1}, {0, 0}}) {
                expect(client, outputs, state[0], state[1], state[0] ^ state[1]);
            }
        }
    }

    private static boolean allRejected(TestFleet<EdgeRuntime> fleet, int count) {
        return fleet.nodes().values().stream().allMatch(r -> r.stats().topologyRejected() >= count);
    }

    private static long totalMalformed(TestFleet<EdgeRuntime> fleet) {
        return fleet.nodes().values().stream().mapToLong(r -> r.stats().malformed()).sum();
    }

    private static boolean isMalformed(byte[] payload) {
        try {
            InputCodec.decode(payload);
            return false;
        } catch (WireFormatException expected) {
            return true;
        }
    }

    /** Random payloads, each checked to be one the decoder rejects. */
    private static List<byte[]> malformedPayloads(int count) {
        Random random = new Random(2016);
        List<byte[]> payloads = new ArrayList<>(count);
        while (payloads.size() < count) {
            byte[] payload;
            switch (payloads.size() % 3) {
                case 0 -> payload = TEMPLATES[random.nextInt(TEMPLATES.length)].getBytes(StandardCharsets.UTF_8);
                case 1 -> {
                    payload = new byte[1 + random.nextInt(64)];
                    random.nextBytes(payload);
                }
                default -> {
                    byte[] valid = "{\"from\":\"x\",\"value\":1}".getBytes(StandardCharsets.UTF_8);
                    payload = valid.clone();
                    payload[random.nextInt(payload.length)] = (byte) random.nextInt(256);
                }
            }
            if (isMalformed(payload)) {
                payloads.add(payload);
            }
        }
        return payloads;
    }
}
