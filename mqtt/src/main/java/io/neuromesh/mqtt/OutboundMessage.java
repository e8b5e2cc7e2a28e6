package io.neuromesh.mqtt;

import io.neuromesh.mqtt.internal.TopicFilters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A message to publish, with the MQTT 5 request/response properties Neuromesh uses.
 *
 * @param topic           the topic name (no wildcards)
 * @param payload         the payload bytes
 * @param qos             delivery guarantee
 * @param retained        true to make it the topic's retained message (an empty retained payload clears it)
 * @param responseTopic   MQTT 5 response topic, or null
 * @param correlationData MQTT 5 correlation data, or null
 * @param userProperties  MQTT 5 user properties (empty when none)
 * @param expiry          MQTT 5 message expiry, or null for none
 * @since 0.1
 */
public record OutboundMessage(String topic, byte[] payload, Qos qos, boolean retained, String responseTopic,
                              byte[] correlationData, Map<String, String> userProperties, Duration expiry) {

    public OutboundMessage {
        TopicFilters.requireValidTopicName(topic);
        if (payload == null || qos == null) {
            throw new IllegalArgumentException("payload and qos: must not be null");
        }
        if (responseTopic != null) {
            TopicFilters.requireValidTopicName(responseTopic);
        }
        if (expiry != null && (expiry.isNegative() || expiry.isZero())) {
            throw new IllegalArgumentException("expiry: must be positive, got " + expiry);
        }
        userProperties = userProperties == null ? Map.of() : Map.copyOf(userProperties);
    }

    /** A plain message without MQTT 5 properties. */
    public static OutboundMessage of(String topic, byte[] payload, Qos qos, boolean retained) {
        return new OutboundMessage(topic, payload, qos, retained, null, null, Map.of(), null);
    }

    /** A plain UTF-8 text message without MQTT 5 properties. */
    public static OutboundMessage of(String topic, String payload, Qos qos, boolean retained) {
        return of(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
    }

    /** A copy with an MQTT 5 response topic and correlation data (a request expecting a reply). */
    public OutboundMessage withResponse(String responseTopic, byte[] correlationData) {
        return new OutboundMessage(topic, payload, qos, retained, responseTopic, correlationData, userProperties, expiry);
    }

    /** A copy with these MQTT 5 user properties. */
    public OutboundMessage withUserProperties(Map<String, String> properties) {
        return new OutboundMessage(topic, payload, qos, retained, responseTopic, correlationData, properties, expiry);
    }

    /** A copy that the broker discards if it cannot deliver it within {@code expiry}. */
    public OutboundMessage withExpiry(Duration expiry) {
        return new OutboundMessage(topic, payload, qos, retained, responseTopic, correlationData, userProperties, expiry);
    }
}
