package io.neuromesh.edge.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.HomeAssistant;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.link.RetainedReader;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.OnEveryBroker;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static io.neuromesh.edge.it.EdgeFleet.TIMEOUT;
import static io.neuromesh.edge.it.EdgeFleet.awaitSettled;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Home Assistant MQTT discovery on real brokers: what is announced, retained, moved, cleared and re-announced. */
@Timeout(120)
class HaDiscoveryIT {

    private static final String Z = "homeassistant/binary_sensor/neuromesh/z/config";
    private static final String SENSOR_X = "homeassistant/switch/neuromesh/sensor_x/config";
    private static final String VERSION = "9.9.9-test";

    private static final NodeStarter<EdgeRuntime> WITH_DISCOVERY = (name, broker) -> {
        EdgeRuntime runtime = EdgeRuntime.builder().node(name).broker(broker).gpio(GpioSetting.OFF)
                .homeAssistant(new HomeAssistant(HomeAssistant.DEFAULT_PREFIX, VERSION)).build();
        runtime.start();
        return runtime;
    };

    @OnEveryBroker
    void configsAppearRetainedSwitchesFeedSensorsAndMoveWithAFailedOverNeuron(BrokerKind kind) {
        try (TestFleet<EdgeRuntime> fleet = EdgeFleet.started(TestFleet.builder(WITH_DISCOVERY).broker(kind).start());
             FleetClient client = EdgeFleet.client(fleet)) {
            EdgeFleet.applyOk(fleet, client, TestFleet.example("xor-auto.json"), 1);
            String host = hostOf(client, "z");
            Observer configs = fleet.observe("homeassistant/#");
            await().atMost(TIMEOUT).until(() -> configs.latest(Z).isPresent());

            JsonObject z = json(configs.latest(Z).orElseThrow());
            assertEquals("neuromesh_neuron_z", z.get("unique_id").getAsString());
            assertEquals(Topics.output("z"), z.get("state_topic").getAsString());
            assertTrue(z.get("value_template").getAsString().contains("value_json.value"), z.toString());
            JsonObject device = z.getAsJsonObject("device");
            assertEquals("neuromesh_" + host, device.getAsJsonArray("identifiers").get(0).getAsString());
            assertEquals("Neuromesh edge", device.get("model").getAsString());
            assertEquals(VERSION, device.get("sw_version").getAsString());
            assertEquals(Topics.nodeStatus(host),
                    z.getAsJsonArray("availability").get(0).getAsJsonObject().get("topic").getAsString());
            // Only output neurons (z feeds no neuron) are entities; the hidden layer is not.
            assertFalse(configs.latest().containsKey("homeassistant/binary_sensor/neuromesh/h1/config"));
            assertTrue(retained(fleet, Z).contains("neuromesh_neuron_z"), "a subscriber that comes later gets it");

            // The switches feed their sensor to the neurons it feeds, as `send` does: x=1, y=0 makes z=1.
            await().atMost(TIMEOUT).until(() -> configs.latest(SENSOR_X).isPresent());
            JsonObject sensorX = json(configs.latest(SENSOR_X).orElseThrow());
            assertEquals(Topics.sensorSet("sensor_x"), sensorX.get("command_topic").getAsString());
            Observer outputs = fleet.observe(Topics.ALL_OUTPUTS);
            fleet.publish(Topics.sensorSet("sensor_y"), bytes("OFF"), false);
            fleet.publish(Topics.sensorSet("sensor_x"), bytes(sensorX.get("payload_on").getAsString()), false);
            awaitSettled(outputs, "z", 1);

            // Kill z's host: the node that takes z over announces it under its own device on the same topic.
            fleet.node(host).abort();
            fleet.forget(host);
            await().atMost(TIMEOUT).untilAsserted(() -> {
                JsonObject moved = json(configs.latest(Z).orElseThrow());
                String now = moved.getAsJsonObject("device").getAsJsonArray("identifiers").get(0).getAsString();
                assertNotEquals("neuromesh_" + host, now, "z's entity names its new host");
                assertEquals("neuromesh_" + hostOf(client, "z"), now);
                assertEquals("neuromesh_neuron_z", moved.get("unique_id").getAsString(), "the same entity");
            });
            // No config under the discovery prefix still names the dead node's device for z.
            configs.latest().forEach((topic, payload) -> assertFalse(topic.contains("/z/")
                    && payload.contains("\"neuromesh_" + host + "\""), topic + ": " + payload));
        }
    }

    @Test
    void anEntityThatLeavesOnReapplyIsClearedAndABirthMessageReannounces() {
        try (TestFleet<EdgeRuntime> fleet = TestFleet.builder(WITH_DISCOVERY).broker(BrokerKind.HIVEMQ_EMBEDDED).start();
             FleetClient client = EdgeFleet.client(fleet)) {
            fleet.start("n1");
            Observer configs = fleet.observe("homeassistant/#");
            fleet.publishTopology(TestFleet.example("xor-auto.json"));
            await().atMost(TIMEOUT).until(() -> configs.latest(Z).isPresent());

            // rev 2: z feeds a new neuron w, so z is no longer an output neuron; w is.
            String rev2 = new String(TestFleet.example("xor-auto.json"), StandardCharsets.UTF_8)
                    .replace("\"rev\": 1", "\"rev\": 2")
                    .replace("{ \"id\": \"z\" } ]", "{ \"id\": \"z\" }, { \"id\": \"w\" } ]")
                    .replace("{ \"from\": \"h3\", \"to\": \"z\", \"weight\": 1 } ]",
                            "{ \"from\": \"h3\", \"to\": \"z\", \"weight\": 1 }, { \"from\": \"z\", \"to\": \"w\", \"weight\": 1 } ]");
            fleet.publishTopology(bytes(rev2));
            String w = "homeassistant/binary_sensor/neuromesh/w/config";
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertTrue(configs.latest(w).isPresent(), "w announced");
                List<Observer.Message> zs = configs.history(Z);
                assertEquals("", zs.getLast().payload(), "z cleared with an empty retained config");
            });
            assertFalse(retained(fleet, w).isEmpty(), "w is retained");
            assertEquals("", retained(fleet, Z), "nothing retained for z any more");

            int before = configs.history(w).size();
            fleet.publish("homeassistant/status", bytes("online"), false);
            await().atMost(TIMEOUT).until(() -> configs.history(w).size() > before);
            assertEquals(configs.history(w).get(before - 1).payload(), configs.history(w).getLast().payload());
        }
    }

    private static String hostOf(FleetClient client, String neuron) {
        return await().atMost(TIMEOUT).until(() -> client.nodes().values().stream()
                .filter(s -> s.online() && s.neurons().contains(neuron)).map(NodeStatus::node).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** The payload retained on {@code topic} ("" for none), read on a connection of its own. */
    private static String retained(TestFleet<?> fleet, String topic) {
        try (RetainedReader reader = new RetainedReader(MqttLink.builder().broker(fleet.uri()).clientId("ha-it").config(),
                "ha-it-reader")) {
            byte[] payload = reader.read(List.of(topic)).get(topic);
            return payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
        }
    }

    private static JsonObject json(String payload) {
        return JsonParser.parseString(payload).getAsJsonObject();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
