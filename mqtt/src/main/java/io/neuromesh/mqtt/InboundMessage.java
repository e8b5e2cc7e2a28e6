package io.neuromesh.mqtt;

import java.util.Map;

/**
 * A message received on a subscription. The payload array belongs to the receiver; do not share it if you mutate it.
 *
 * @param topic           the topic it was published to (never a filter)
 * @param payload         the raw payload bytes
 * @param qos             the QoS it was delivered with
 * @param retained        true when the broker replayed it from its retained store
 * @param messageId       the packet id (0 for QoS 0); used by {@link MqttLink#complete(InboundMessage)}
 * @param responseTopic   MQTT 5 response topic, or null
 * @param correlationData MQTT 5 correlation data, or null
 * @param userProperties  MQTT 5 user properties (empty when none)
 * @since 0.1
 */
public record InboundMessage(String topic, byte[] payload, Qos qos, boolean retained, int messageId,
                             String responseTopic, byte[] correlationData, Map<String, String> userProperties) {

    public InboundMessage {
        if (topic == null || payload == null || qos == null) {
            throw new IllegalArgumentException("topic, payload and qos: must not be null");
        }
        userProperties = userProperties == null ? Map.of() : Map.copyOf(userProperties);
    }

    /** The payload decoded as UTF-8. */
    public String payloadText() {
        return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
}
