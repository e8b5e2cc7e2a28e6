package io.neuromesh.mqtt.internal;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.internal.MqttConnectionState;

import java.lang.reflect.Field;

/**
 * Keeps Paho 1.2.5 from sending topic aliases. Paho gives a topic an alias in {@code ClientState.send} before it checks
 * the broker's in-flight window: a QoS 1 publish refused there (32202, which {@link Publisher} waits out and retries)
 * leaves an alias the broker never saw, the retry carries only that alias, and the broker closes the connection
 * (HiveMQ: "Topic alias invalid", 148; Mosquitto: protocol error, 130), losing the QoS 1 messages in flight. The
 * broker's CONNACK sets how many aliases may be used (HiveMQ 5, Mosquitto 10, EMQX 65535) and Paho has no option to
 * decline them, so the link sets the limit back to 0 after every connect, before anything is published. Neuromesh's
 * topics are short: aliases would save a few bytes per message.
 */
final class PahoTopicAliases {

    /** Paho's per-client connection state; private in {@link MqttAsyncClient}, hence reflection (Paho is pinned). */
    private static final Field CONNECTION = connectionField();

    private PahoTopicAliases() {
    }

    /** Call after a connect completed and before the first publish on it. */
    static void disable(MqttAsyncClient client) {
        try {
            ((MqttConnectionState) CONNECTION.get(client)).setOutgoingTopicAliasMaximum(0);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot turn off Paho's topic aliases", e);
        }
    }

    private static Field connectionField() {
        try {
            Field field = MqttAsyncClient.class.getDeclaredField("mqttConnection");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            // A Paho upgrade moved it: fail at first use, loudly, rather than lose messages to aliases again.
            throw new IllegalStateException("Paho's MqttAsyncClient has no mqttConnection field any more; see "
                    + PahoTopicAliases.class.getName(), e);
        }
    }
}
