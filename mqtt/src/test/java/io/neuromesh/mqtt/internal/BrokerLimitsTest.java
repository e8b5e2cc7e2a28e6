package io.neuromesh.mqtt.internal;

import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BrokerLimitsTest {

    @Test
    void aConnackWithoutLimitsMeansNoPacketLimitAndMqttsDefaultWindow() {
        assertEquals(new BrokerLimits(OptionalLong.empty(), 65_535), BrokerLimits.of(null));
        assertEquals(new BrokerLimits(OptionalLong.empty(), 65_535), BrokerLimits.of(new MqttProperties()));
    }

    @Test
    void theConnacksLimitsAreTaken() {
        MqttProperties connack = new MqttProperties();
        connack.setMaximumPacketSize(1_048_576L);
        connack.setReceiveMaximum(20);
        assertEquals(new BrokerLimits(OptionalLong.of(1_048_576), 20), BrokerLimits.of(connack));
    }

    @Test
    void aWindowOutsideMqttsRangeIsRefusedWithItsValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> new BrokerLimits(OptionalLong.empty(), 0));
        assertEquals("receiveMaximum: must be 1-65535, got 0", e.getMessage());
    }
}
