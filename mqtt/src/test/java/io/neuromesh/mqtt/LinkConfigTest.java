package io.neuromesh.mqtt;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkConfigTest {

    @Test
    void defaultsAreCleanSessionsWithShortReconnects() {
        LinkConfig config = MqttLink.builder().clientId("c").config();
        assertEquals(LinkConfig.DEFAULT_BROKER, config.broker());
        assertEquals(Duration.ofSeconds(2), config.reconnect().max());
        assertEquals(0.2, config.reconnect().jitter());
        assertEquals(SessionMode.CLEAN, config.session());
        assertFalse(config.manualAcks());
        assertEquals(Duration.ofSeconds(10), config.startTimeout());
        assertEquals(Duration.ofSeconds(5), config.connectTimeout());
    }

    @Test
    void aBareHostAndPortGetsTheTcpScheme() {
        assertEquals(URI.create("tcp://pi5.local:1883"),
                MqttLink.builder().clientId("c").broker("pi5.local:1883").config().broker());
    }

    @Test
    void anSslBrokerTrustsTheJvmsCasUnlessToldOtherwiseAndGetsPort8883() {
        LinkConfig config = MqttLink.builder().clientId("c").broker("ssl://pi5.local").config();
        assertEquals(URI.create("ssl://pi5.local:8883"), config.broker());
        assertEquals(Tls.systemTrust(), config.tls());
        assertTrue(config.overTls());
        assertFalse(MqttLink.builder().clientId("c").config().overTls());
    }

    @Test
    void trustedCasNeedAnSslBroker() {
        Tls tls = Tls.systemTrust();
        assertEquals("tls: trusted CAs (the JVM's default CAs) need an ssl:// broker address, got tcp://x:1",
                assertThrows(IllegalArgumentException.class,
                        () -> MqttLink.builder().clientId("c").broker("tcp://x:1").tls(tls).config()).getMessage());
    }

    @Test
    void aSecondLinkReachesTheSameBrokerTheSameWay() {
        LinkConfig first = MqttLink.builder().clientId("a").broker("ssl://pi5.local:9000")
                .credentials(Credentials.of("n1", "pw".toCharArray())).config();
        LinkConfig second = MqttLink.builder().sameBrokerAs(first).clientId("b").config();
        assertEquals(first.broker(), second.broker());
        assertEquals(first.tls(), second.tls());
        assertSame(first.credentials(), second.credentials());
    }

    @Test
    void persistentSessionsNeedAnExpiry() {
        LinkConfig config = MqttLink.builder().clientId("c").persistentSession(Duration.ofMinutes(5)).config();
        assertEquals(SessionMode.PERSISTENT, config.session());
        assertEquals("sessionExpiry: a FRESH_THEN_PERSISTENT session needs a positive expiry",
                assertThrows(IllegalArgumentException.class, () -> MqttLink.builder().clientId("c")
                        .session(SessionMode.FRESH_THEN_PERSISTENT, Duration.ZERO).config()).getMessage());
        assertEquals(Duration.ofMinutes(5), config.sessionExpiry());
    }

    @Test
    void rejectsBadSettingsWithActionableMessages() {
        assertEquals("broker: must look like tcp://host:port or ssl://host:port, got ws://x:1",
                assertThrows(IllegalArgumentException.class,
                        () -> MqttLink.builder().clientId("c").broker(URI.create("ws://x:1")).config()).getMessage());
        assertEquals("clientId: must be 1-128 characters, got 'null'",
                assertThrows(IllegalArgumentException.class, () -> MqttLink.builder().config()).getMessage());
        assertEquals("startTimeout: must be a positive duration, got PT0S", assertThrows(IllegalArgumentException.class,
                () -> MqttLink.builder().clientId("c").startTimeout(Duration.ZERO).config()).getMessage());
        assertEquals("receiveMaximum: must be 1-65535, got 0", assertThrows(IllegalArgumentException.class,
                () -> MqttLink.builder().clientId("c").receiveMaximum(0).config()).getMessage());
        assertEquals("reconnect.max: must be >= initial (PT1S), got PT0.5S",
                assertThrows(IllegalArgumentException.class, () -> MqttLink.builder().clientId("c")
                        .reconnectDelay(Duration.ofSeconds(1), Duration.ofMillis(500)).config()).getMessage());
    }

    @Test
    void subscriptionsRejectNoLocalOnSharedFilters() {
        assertEquals("noLocal: not allowed on the shared subscription '$share/g/t'",
                assertThrows(IllegalArgumentException.class,
                        () -> new Subscription("$share/g/t", Qos.AT_LEAST_ONCE, true)).getMessage());
    }

    @Test
    void qosTwoIsServedAsQosOne() {
        assertEquals(Qos.AT_LEAST_ONCE, Qos.of(2));
        assertEquals("qos: must be 0 or 1, got 3", assertThrows(IllegalArgumentException.class, () -> Qos.of(3))
                .getMessage());
    }
}
