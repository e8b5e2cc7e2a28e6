package io.neuromesh.broker;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Paho callback that queues every message it receives, for tests to take one by one or read the latest per topic. */
final class Inbox implements MqttCallback {

    record Received(String topic, MqttMessage message) {
        String payload() {
            return new String(message.getPayload(), StandardCharsets.UTF_8);
        }
    }

    private final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
    private final Map<String, String> latest = new ConcurrentHashMap<>();

    /** The latest payload of each topic received so far (a live, read-only view). */
    Map<String, String> latest() {
        return Collections.unmodifiableMap(latest);
    }

    /** The next message, or null if none arrives within 10 s (tests fail on null instead of hanging). */
    Received next() throws InterruptedException {
        return messages.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        Received received = new Received(topic, message);
        latest.put(topic, received.payload());
        messages.add(received);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }
}
