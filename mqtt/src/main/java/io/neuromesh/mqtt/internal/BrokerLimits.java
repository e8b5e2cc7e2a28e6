package io.neuromesh.mqtt.internal;

import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.util.OptionalLong;

/**
 * What the broker's CONNACK says this connection may send.
 *
 * @param maximumPacketSize the largest packet the broker accepts, in bytes; empty when it announced none (no limit)
 * @param receiveMaximum    how many QoS 1 and 2 publishes the broker takes unacknowledged at once, 1-65535
 */
record BrokerLimits(OptionalLong maximumPacketSize, int receiveMaximum) {

    /** MQTT 5's Receive Maximum when the CONNACK carries none. */
    static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;

    BrokerLimits {
        if (receiveMaximum < 1 || receiveMaximum > DEFAULT_RECEIVE_MAXIMUM) {
            throw new IllegalArgumentException("receiveMaximum: must be 1-65535, got " + receiveMaximum);
        }
    }

    /** The limits of a CONNACK's properties; null (or absent properties) means MQTT 5's defaults. */
    static BrokerLimits of(MqttProperties connack) {
        Long packet = connack == null ? null : connack.getMaximumPacketSize();
        Integer receive = connack == null ? null : connack.getReceiveMaximum();
        return new BrokerLimits(packet == null ? OptionalLong.empty() : OptionalLong.of(packet),
                receive == null ? DEFAULT_RECEIVE_MAXIMUM : receive);
    }
}
