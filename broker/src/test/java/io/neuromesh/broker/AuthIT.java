package io.neuromesh.broker;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Users and roles on the embedded broker, seen by real Paho v5 clients over TCP: who may connect, and what each role
 * may publish and subscribe (PUBACK and SUBACK reason codes, reason strings, and the retained state afterwards).
 */
@Timeout(120)
class AuthIT {

    private static final int NOT_AUTHORIZED = 0x87;
    private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    private static final String TOPOLOGY = "neuromesh/topology";
    private static final String DOC = "{\"rev\": 1, \"neurons\": [{\"id\": \"a\", \"node\": \"n1\", \"threshold\": 1}]}";

    @TempDir
    Path dataDir;

    /** What the broker answered to one publish or subscription. */
    record Ack(int code, String reason) {
        boolean ok() {
            return code < 0x80;
        }
    }

    private EmbeddedBroker start() {
        UserFile users = UserFile.in(dataDir);
        users.add("alice", Role.OPERATOR, "alice-password".toCharArray());
        users.add("n1", Role.NODE, "n1-password".toCharArray());
        users.add("n2", Role.NODE, "n2-password".toCharArray());
        users.add("eve", Role.VIEWER, "eve-password".toCharArray());
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).persistence(Persistence.IN_MEMORY).dataDir(dataDir)
                .build();
        broker.start();
        return broker;
    }

    @Test
    void refusesAnonymousClientsWrongPasswordsUnknownUsersAndAnotherNodesClientId() throws Exception {
        try (EmbeddedBroker broker = start()) {
            assertEquals(NOT_AUTHORIZED, refusal(broker, "anonymous", null, null));
            assertEquals(BAD_USER_NAME_OR_PASSWORD, refusal(broker, "c1", "alice", "wrong-password"));
            assertEquals(BAD_USER_NAME_OR_PASSWORD, refusal(broker, "c2", "mallory", "alice-password"));
            assertEquals(NOT_AUTHORIZED, refusal(broker, "neuromesh-node-n1", "n2", "n2-password"));
            // A node's input connections (a node hosting more than 10,000 neurons opens them) are its own too.
            assertEquals(NOT_AUTHORIZED, refusal(broker, "neuromesh-node-n1.in1", "n2", "n2-password"));
            new Client(broker, "neuromesh-node-n1.in1", "n1", "n1-password").close();
            new Client(broker, "neuromesh-node-n1", "n1", "n1-password", "neuromesh/nodes/n1/status").close();
            // A Last Will is a publish in the client's name: a node's Will on another node's status is refused.
            MqttException will = assertThrows(MqttException.class, () -> new Client(broker, "neuromesh-node-n1", "n1",
                    "n1-password", "neuromesh/nodes/n2/status"));
            assertEquals(NOT_AUTHORIZED, will.getReasonCode());

            // A user added while the broker runs can log in at once (the file is re-read when it changed).
            assertEquals(BAD_USER_NAME_OR_PASSWORD, refusal(broker, "c3", "bob", "bob-password"));
            UserFile.in(dataDir).add("bob", Role.VIEWER, "bob-password".toCharArray());
            new Client(broker, "c3", "bob", "bob-password").close();
            UserFile.in(dataDir).remove("bob");
            assertEquals(BAD_USER_NAME_OR_PASSWORD, refusal(broker, "c4", "bob", "bob-password"));
        }
    }

    @Test
    void eachRoleWritesOnlyWhereItMay() throws Exception {
        try (EmbeddedBroker broker = start();
             Client alice = new Client(broker, "op", "alice", "alice-password");
             Client n1 = new Client(broker, "neuromesh-node-n1", "n1", "n1-password");
             Client eve = new Client(broker, "viewer", "eve", "eve-password")) {
            assertTrue(alice.publish(TOPOLOGY, DOC, true).ok());
            assertTrue(eve.subscribe("neuron/+/output").ok());
            assertTrue(eve.subscribe("#").ok());

            Ack viewerTopology = eve.publish(TOPOLOGY, "{\"rev\": 9, \"neurons\": []}", true);
            assertEquals(new Ack(NOT_AUTHORIZED, "viewer 'eve' may not publish to neuromesh/topology (a viewer reads"
                    + " everything and publishes only logs and inspect requests)"), viewerTopology);
            assertEquals(NOT_AUTHORIZED, eve.publish("neuron/x", "{\"fire\":true}", false).code());
            assertEquals(NOT_AUTHORIZED, eve.publish("neuromesh/nodes/n1/request/gpio-set", "{}", false).code());
            assertTrue(eve.publish("neuromesh/request/logs", "{\"v\":1}", false).ok());

            assertEquals(NOT_AUTHORIZED, n1.publish(TOPOLOGY, "{\"rev\": 9, \"neurons\": []}", true).code());
            Ack otherStatus = n1.publish("neuromesh/nodes/n2/status", "{\"state\":\"offline\"}", true);
            assertEquals(NOT_AUTHORIZED, otherStatus.code());
            assertTrue(otherStatus.reason().startsWith("node 'n1' may not publish to neuromesh/nodes/n2/status"),
                    otherStatus.reason());
            assertTrue(n1.publish("neuromesh/nodes/n1/status", "{\"state\":\"online\"}", true).ok());
            assertTrue(n1.publish("neuron/a/output", "{\"value\":1}", true).ok());
            assertTrue(n1.publish("neuromesh/topology/history", "{\"v\":1,\"revisions\":[]}", true).ok());
            assertTrue(n1.subscribe(TOPOLOGY).ok());
            assertEquals(NOT_AUTHORIZED, n1.subscribe("#").code());
            assertTrue(alice.publish("neuron/x", "{\"fire\":true}", false).ok());

            // What is retained is what the allowed publishers wrote: a fresh reader gets exactly that.
            try (Client reader = new Client(broker, "reader", "eve", "eve-password")) {
                reader.subscribe("neuromesh/#");
                reader.subscribe("neuron/#");
                await().atMost(Duration.ofSeconds(10)).until(() -> reader.inbox.latest().size() >= 4);
                assertEquals(DOC, reader.inbox.latest().get(TOPOLOGY));
                assertEquals("{\"state\":\"online\"}", reader.inbox.latest().get("neuromesh/nodes/n1/status"));
                assertEquals(null, reader.inbox.latest().get("neuromesh/nodes/n2/status"));
            }
        }
    }

    @Test
    void aBrokerOnTheNetworkWithoutUsersRefusesToStartAndSaysHowToAddOne() {
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).bind("0.0.0.0").persistence(Persistence.IN_MEMORY)
                .dataDir(dataDir).build();
        BrokerException e = assertThrows(BrokerException.class, broker::start);
        assertEquals("refusing to listen on 0.0.0.0 with no users in " + dataDir.resolve("users").toAbsolutePath()
                + ": anyone on the network could rewrite the topology and switch every actuator; add an operator"
                + " first: ./neuromesh user add <name> --role operator --data " + dataDir.toAbsolutePath()
                + " (or bind to 127.0.0.1)", e.getMessage());
        assertTrue(!broker.isRunning());
    }

    /** The CONNACK reason code of a refused connection. */
    private static int refusal(EmbeddedBroker broker, String clientId, String user, String password) {
        MqttException e = assertThrows(MqttException.class, () -> new Client(broker, clientId, user, password));
        return e.getReasonCode();
    }

    private static final class Client implements AutoCloseable {

        private final MqttAsyncClient client;
        final Inbox inbox = new Inbox();

        Client(EmbeddedBroker broker, String id, String user, String password) throws MqttException {
            this(broker, id, user, password, null);
        }

        Client(EmbeddedBroker broker, String id, String user, String password, String willTopic)
                throws MqttException {
            client = new MqttAsyncClient(broker.uri(), id, new MemoryPersistence());
            client.setCallback(inbox);
            MqttConnectionOptions options = new MqttConnectionOptions();
            if (user != null) {
                options.setUserName(user);
                options.setPassword(password.getBytes(StandardCharsets.UTF_8));
            }
            if (willTopic != null) {
                options.setWill(willTopic, new MqttMessage("{\"state\":\"offline\"}".getBytes(StandardCharsets.UTF_8),
                        1, true, null));
            }
            try {
                client.connect(options).waitForCompletion(15_000);
            } catch (MqttException e) {
                client.close(true);
                throw e;
            }
        }

        Ack publish(String topic, String payload, boolean retained) throws MqttException {
            IMqttToken token = client.publish(topic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1,
                    retained, null));
            token.waitForCompletion(10_000);
            // Paho 1.2.5 completes a refused publish normally: the PUBACK's code and reason string are on the token.
            return new Ack(token.getReasonCodes()[0], token.getResponse().getProperties().getReasonString());
        }

        Ack subscribe(String filter) throws MqttException {
            IMqttToken token = client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)});
            token.waitForCompletion(10_000);
            return new Ack(token.getReasonCodes()[0], null);
        }

        @Override
        public void close() throws MqttException {
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
    }
}
