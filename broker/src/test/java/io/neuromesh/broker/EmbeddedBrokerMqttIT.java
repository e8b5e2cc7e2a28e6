package io.neuromesh.broker;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** MQTT 5 features the Neuromesh runtime relies on, against one shared in-memory broker. */
@Timeout(60)
class EmbeddedBrokerMqttIT {

    private static EmbeddedBroker broker;
    private final List<MqttClient> clients = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.builder().port(0).persistence(Persistence.IN_MEMORY).build();
        broker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @AfterEach
    void disconnectClients() throws Exception {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    @Test
    void announcesTheConfiguredReceiveMaximumAndPacketSize() throws Exception {
        MqttClient client = new MqttClient(broker.uri(), "limits", new MemoryPersistence());
        clients.add(client);

        IMqttToken connack = client.connectWithResult(new MqttConnectionOptions());

        MqttProperties properties = connack.getResponseProperties();
        assertEquals(EmbeddedBroker.DEFAULT_RECEIVE_MAXIMUM, properties.getReceiveMaximum());
        assertEquals(EmbeddedBroker.DEFAULT_MAX_PACKET_SIZE, properties.getMaximumPacketSize());
    }

    @Test
    void deliversASharedSubscriptionToAMember() throws Exception {
        Inbox member = new Inbox();
        connect("member", member).subscribe("$share/g/shared/t", 1);

        connect("shared-publisher", new Inbox()).publish("shared/t", message("to the group"));

        Inbox.Received received = member.next();
        assertNotNull(received, "the group member got nothing");
        assertEquals("shared/t", received.topic());
        assertEquals("to the group", received.payload());
    }

    @Test
    void deliversThroughAWildcardSubscription() throws Exception {
        Inbox watcher = new Inbox();
        connect("watcher", watcher).subscribe("neuron/+/output", 1);

        connect("wildcard-publisher", new Inbox()).publish("neuron/z/output", message("1"));

        Inbox.Received received = watcher.next();
        assertNotNull(received, "the wildcard subscriber got nothing");
        assertEquals("neuron/z/output", received.topic());
    }

    @Test
    void passesResponseTopicAndCorrelationDataThrough() throws Exception {
        Inbox responder = new Inbox();
        connect("responder", responder).subscribe("request/t", 1);
        MqttMessage request = message("ping");
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic("reply/requester");
        properties.setCorrelationData(new byte[] {1, 2, 3});
        request.setProperties(properties);

        connect("requester", new Inbox()).publish("request/t", request);

        Inbox.Received received = responder.next();
        assertNotNull(received, "the responder got nothing");
        assertEquals("reply/requester", received.message().getProperties().getResponseTopic());
        assertArrayEquals(new byte[] {1, 2, 3}, received.message().getProperties().getCorrelationData());
    }

    private MqttClient connect(String id, Inbox inbox) throws Exception {
        MqttClient client = new MqttClient(broker.uri(), id, new MemoryPersistence());
        clients.add(client);
        client.setCallback(inbox);
        client.connect(new MqttConnectionOptions());
        return client;
    }

    private static MqttMessage message(String payload) {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return message;
    }
}
