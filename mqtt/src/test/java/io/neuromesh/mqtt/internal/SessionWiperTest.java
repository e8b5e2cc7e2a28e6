package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.Credentials;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionWiperTest {

    @Test
    void encodesAnMqtt5CleanStartConnectWithoutSessionExpiry() {
        // 10 0f | 00 04 'MQTT' | 05 (v5) | 02 (clean start) | 00 0a (keep-alive 10 s) | 00 (no properties) | 00 02 'n1'
        assertEquals("100f00044d5154540502000a0000026e31", HexFormat.of().formatHex(SessionWiper.connect("n1", null)));
    }

    @Test
    void usesAMultiByteRemainingLengthForLongClientIds() {
        byte[] packet = SessionWiper.connect("x".repeat(200), null);
        assertEquals(0x10, packet[0]);
        assertEquals(213 & 0x7F | 0x80, packet[1] & 0xFF);
        assertEquals(213 >> 7, packet[2]);
    }

    @Test
    void addsTheUserNameAndPasswordFlagsAndFieldsWithCredentials() {
        byte[] packet = SessionWiper.connect("n1", Credentials.of("u", "pw".toCharArray()));
        // flags c2: user name (80) + password (40) + clean start (02); then 00 01 'u' and 00 02 'pw' after the id
        assertEquals("101600044d51545405c2000a0000026e310001750002" + "7077", HexFormat.of().formatHex(packet));
    }
}
