package io.neuromesh.edge;

import io.neuromesh.mqtt.SessionMode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link EdgeConfig} nests the node's {@link io.neuromesh.mqtt.LinkConfig}; the builder keeps its shortcuts. */
class EdgeConfigLinkTest {

    @Test
    void theBuilderShortcutsSetTheNestedLink() {
        EdgeConfig config = EdgeRuntime.builder().node("n1").broker("pi1:1883").keepAlive(Duration.ofSeconds(3))
                .sessionExpiry(Duration.ofMinutes(2)).link(l -> l.startTimeout(Duration.ofSeconds(7))).config();
        assertEquals(URI.create("tcp://pi1:1883"), config.broker());
        assertEquals("neuromesh-node-n1", config.link().clientId());
        assertEquals(SessionMode.FRESH_THEN_PERSISTENT, config.link().session());
        assertEquals(Duration.ofMinutes(2), config.link().sessionExpiry());
        assertEquals(Duration.ofSeconds(3), config.link().keepAlive());
        assertEquals(Duration.ofSeconds(7), config.link().startTimeout());
    }

    @Test
    void badSettingsNameTheirField() {
        assertEquals("keepAlive: must be at least 1 second, got PT0.5S", assertThrows(IllegalArgumentException.class,
                () -> EdgeRuntime.builder().node("n1").keepAlive(Duration.ofMillis(500)).config()).getMessage());
        assertEquals("broker: must look like tcp://host:port or ssl://host:port, got ws://x:1",
                assertThrows(IllegalArgumentException.class,
                        () -> EdgeRuntime.builder().node("n1").broker(URI.create("ws://x:1")).config()).getMessage());
        assertEquals("node: must not be null", assertThrows(IllegalArgumentException.class,
                () -> EdgeRuntime.builder().config()).getMessage());
    }
}
