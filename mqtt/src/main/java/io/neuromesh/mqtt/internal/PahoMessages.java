package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Converts between the link's message records and Paho's messages, (Paho's exceptions: {@link PahoFailures}). */
final class PahoMessages {

    private PahoMessages() {
    }

    static MqttMessage toPaho(OutboundMessage message) {
        MqttProperties properties = new MqttProperties();
        if (message.responseTopic() != null) {
            properties.setResponseTopic(message.responseTopic());
        }
        if (message.correlationData() != null) {
            properties.setCorrelationData(message.correlationData());
        }
        if (!message.userProperties().isEmpty()) {
            List<UserProperty> user = new ArrayList<>(message.userProperties().size());
            message.userProperties().forEach((k, v) -> user.add(new UserProperty(k, v)));
            properties.setUserProperties(user);
        }
        if (message.expiry() != null) {
            properties.setMessageExpiryInterval(Math.max(1, message.expiry().toSeconds()));
        }
        return new MqttMessage(message.payload(), message.qos().level(), message.retained(), properties);
    }

    static InboundMessage toInbound(String topic, MqttMessage message) {
        MqttProperties properties = message.getProperties();
        Map<String, String> user = Map.of();
        String responseTopic = null;
        byte[] correlation = null;
        if (properties != null) {
            responseTopic = properties.getResponseTopic();
            correlation = properties.getCorrelationData();
            List<UserProperty> list = properties.getUserProperties();
            if (list != null && !list.isEmpty()) {
                Map<String, String> map = new HashMap<>();
                for (UserProperty p : list) {
                    map.put(p.getKey(), p.getValue());
                }
                user = map;
            }
        }
        return new InboundMessage(topic, message.getPayload(), Qos.of(message.getQos()), message.isRetained(),
                message.getId(), responseTopic, correlation, user);
    }
}
