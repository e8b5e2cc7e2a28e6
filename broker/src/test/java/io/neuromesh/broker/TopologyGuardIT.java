package io.neuromesh.broker;

import io.neuromesh.topology.Topology;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded broker's topology guard, seen by a real Paho v5 client over TCP: what it refuses, with which PUBACK
 * reason code and reason string, that the retained topology stays the accepted one, and that a broker restart on
 * the same data folder keeps the guard's state.
 */
@Timeout(120)
class TopologyGuardIT {

    private static final String TOPIC = "neuromesh/topology";
    /** Reason codes below this are successes (HiveMQ answers 0x10 "no matching subscribers" when nobody listens). */
    private static final int FIRST_ERROR_CODE = 0x80;
    private static final int IMPLEMENTATION_SPECIFIC_ERROR = 0x83;
    private static final int PAYLOAD_FORMAT_INVALID = 0x99;

    @TempDir
    Path dataDir;

    /** What the broker answered to one publish: its PUBACK reason code and reason string (null when none). */
    record Ack(int code, String reason) {
    }

    private static String doc(long rev, String node) {
        return "{\"rev\": " + rev + ", \"neurons\": [{\"id\": \"a\", \"node\": \"" + node + "\", \"threshold\": 1}]}";
    }

    private static String shortHash(String document) {
        return Topology.parse(document).shortHash();
    }

    private EmbeddedBroker start(boolean guard) {
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).persistence(Persistence.FILE).dataDir(dataDir)
                .topologyGuard(guard).build();
        broker.start();
        return broker;
    }

    @Test
    void refusesWhatWouldBreakTheRetainedTopologyAndKeepsItsStateAcrossARestart() throws Exception {
        String a = doc(1, "n1");
        String b = doc(2, "n2");
        try (EmbeddedBroker broker = start(true); Publisher operator = new Publisher(broker, "operator")) {
            assertAccepted(operator.publish(a, 1, true));

            Ack invalidJson = operator.publish("{\"rev\": 2,", 1, true);
            assertEquals(PAYLOAD_FORMAT_INVALID, invalidJson.code());
            assertTrue(invalidJson.reason().startsWith("$: "), invalidJson.reason());
            assertTrue(invalidJson.reason().endsWith(" (not a valid topology: 1 error)"), invalidJson.reason());

            Ack unknownField = operator.publish("{\"rev\": 2, \"neurons\": [], \"colour\": \"red\"}", 1, true);
            assertEquals(new Ack(PAYLOAD_FORMAT_INVALID, "colour: unknown field; known fields are rev, name, "
                    + "tickMs, defaults, nodes, sensors, neurons, synapses, actuators (not a valid topology: 1 error)"),
                    unknownField);

            Ack revZero = operator.publish(doc(0, "n1"), 1, true);
            assertEquals(PAYLOAD_FORMAT_INVALID, revZero.code());
            assertTrue(revZero.reason().startsWith("rev: "), revZero.reason());

            assertEquals(new Ack(IMPLEMENTATION_SPECIFIC_ERROR, "rev 1 is not newer than the retained rev 1 (hash "
                    + shortHash(a) + "); publish rev 2 or higher"), operator.publish(doc(1, "n9"), 1, true));

            assertEquals(new Ack(IMPLEMENTATION_SPECIFIC_ERROR, "clearing neuromesh/topology is refused: every node "
                    + "would keep running its last topology while new nodes got none; publish a newer rev instead"),
                    operator.publish("", 1, true));

            Ack notRetained = operator.publish(b, 1, false);
            assertEquals(IMPLEMENTATION_SPECIFIC_ERROR, notRetained.code());
            assertTrue(notRetained.reason().startsWith("neuromesh/topology must be published retained"),
                    notRetained.reason());

            assertEquals(a, retained(broker), "every refused publish left the accepted topology retained");
            assertAccepted(operator.publish(a, 1, true), "a re-publish is idempotent");

            assertAccepted(operator.publish(b, 1, true));
            assertEquals(b, retained(broker));
            assertEquals(new Ack(IMPLEMENTATION_SPECIFIC_ERROR, "rev 1 is not newer than the retained rev 2 (hash "
                    + shortHash(b) + "); publish rev 3 or higher"), operator.publish(a, 1, true));

            assertAccepted(operator.publish("", 1, true, "elsewhere/t"), "other topics are untouched");
        }

        try (EmbeddedBroker restarted = start(true); Publisher operator = new Publisher(restarted, "operator")) {
            assertEquals(b, retained(restarted));
            assertEquals(new Ack(IMPLEMENTATION_SPECIFIC_ERROR, "rev 2 is not newer than the retained rev 2 (hash "
                    + shortHash(b) + "); publish rev 3 or higher"), operator.publish(doc(2, "n7"), 1, true));
            assertAccepted(operator.publish(doc(3, "n3"), 1, true));
            assertEquals(doc(3, "n3"), retained(restarted));
        }
    }

    @Test
    void aRefusedQos0PublishIsDroppedWithoutReplacingTheRetainedTopology() throws Exception {
        String a = doc(1, "n1");
        try (EmbeddedBroker broker = start(true); Publisher operator = new Publisher(broker, "operator")) {
            assertAccepted(operator.publish(a, 1, true));

            operator.publish(doc(1, "n2"), 0, true);
            operator.publish("not json", 0, true);
            operator.publish("", 0, true);
            // One client's publishes are handled in order: once this QoS 1 publish is acknowledged, the QoS 0 ones
            // before it have been decided.
            assertAccepted(operator.publish(a, 1, true));

            assertEquals(a, retained(broker));
        }
    }

    @Test
    void withTheGuardOffAnythingGoesThrough() throws Exception {
        try (EmbeddedBroker broker = start(false); Publisher operator = new Publisher(broker, "operator")) {
            assertAccepted(operator.publish(doc(2, "n1"), 1, true));
            assertAccepted(operator.publish("rev 1", 1, true));
            assertEquals("rev 1", retained(broker));
        }
    }

    private static void assertAccepted(Ack ack) {
        assertAccepted(ack, "the broker refused: " + ack);
    }

    private static void assertAccepted(Ack ack, String message) {
        assertTrue(ack.code() < FIRST_ERROR_CODE && ack.reason() == null, message + ": " + ack);
    }

    /** The payload a new subscriber gets as the retained message on the topology topic. */
    private static String retained(EmbeddedBroker broker) throws Exception {
        Inbox inbox = new Inbox();
        MqttClient reader = new MqttClient(broker.uri(), "reader", new MemoryPersistence());
        try {
            reader.setCallback(inbox);
            reader.connect(new MqttConnectionOptions());
            reader.subscribe(TOPIC, 1);
            Inbox.Received received = inbox.next();
            assertNotNull(received, "no retained topology within 10 s");
            assertTrue(received.message().isRetained());
            return received.payload();
        } finally {
            reader.disconnect();
            reader.close();
        }
    }

    /** A Paho v5 client that publishes and reports the broker's PUBACK as Paho 1.2.5 exposes it. */
    private static final class Publisher implements AutoCloseable {

        private final MqttAsyncClient client;

        Publisher(EmbeddedBroker broker, String id) throws MqttException {
            client = new MqttAsyncClient(broker.uri(), id, new MemoryPersistence());
            client.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        }

        Ack publish(String payload, int qos, boolean retained) throws MqttException {
            return publish(payload, qos, retained, TOPIC);
        }

        Ack publish(String payload, int qos, boolean retained, String topic) throws MqttException {
            MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), qos, retained, null);
            IMqttToken token = client.publish(topic, message);
            token.waitForCompletion(10_000);
            if (qos == 0) {
                return new Ack(0, null);
            }
            // Paho 1.2.5 completes a refused publish normally: the PUBACK's code and reason string are on the token.
            return new Ack(token.getReasonCodes()[0], token.getResponse().getProperties().getReasonString());
        }

        @Override
        public void close() throws MqttException {
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
    }
}
