package io.neuromesh.mqtt;

import io.neuromesh.mqtt.internal.TopicFilters;

import java.nio.charset.StandardCharsets;

/**
 * A Last Will: published by the broker on our behalf when the connection dies without a clean disconnect
 * (process killed, network cut, keep-alive missed).
 *
 * @param topic    topic name
 * @param payload  payload bytes
 * @param qos      QoS of the will
 * @param retained true to make it the retained message of its topic
 * @since 0.1
 */
public record Will(String topic, byte[] payload, Qos qos, boolean retained) {

    public Will {
        TopicFilters.requireValidTopicName(topic);
        if (payload == null || qos == null) {
            throw new IllegalArgumentException("payload and qos: must not be null");
        }
    }

    /** A retained QoS 1 will with a UTF-8 payload. */
    public static Will retained(String topic, String payload) {
        return new Will(topic, payload.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, true);
    }
}
