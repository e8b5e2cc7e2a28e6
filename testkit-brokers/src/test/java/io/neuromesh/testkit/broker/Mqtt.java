package io.neuromesh.testkit.broker;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Paho client for broker tests that queues what it receives. */
final class Mqtt implements AutoCloseable {

    private final MqttClient client;
    private final BlockingQueue<String> payloads = new LinkedBlockingQueue<>();

    private Mqtt(MqttClient client) {
        this.client = client;
    }

    /** Connects with a clean session. */
    static Mqtt connect(TestBroker broker, String clientId) throws MqttException {
        return connect(broker, clientId, true);
    }

    /** Connects; {@code cleanStart=false} resumes a persistent session that expires after an hour. */
    static Mqtt connect(TestBroker broker, String clientId, boolean cleanStart) throws MqttException {
        Mqtt mqtt = new Mqtt(new MqttClient(broker.uri(), clientId, new MemoryPersistence()));
        mqtt.client.setCallback(new QueueingCallback(mqtt.payloads));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        if (!cleanStart) {
            options.setSessionExpiryInterval(3600L);
        }
        mqtt.client.connect(options);
        return mqtt;
    }

    void subscribe(String filter) throws MqttException {
        IMqttMessageListener queue = (topic, message) -> payloads.add(text(message));
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)},
                new IMqttMessageListener[] {queue});
    }

    void publish(String topic, String payload, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(retained);
        client.publish(topic, message);
    }

    /** The next payload, or null after 10 s so that a test fails instead of hanging. */
    String next() throws InterruptedException {
        return payloads.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    static String text(MqttMessage message) {
        return new String(message.getPayload(), StandardCharsets.UTF_8);
    }
}
