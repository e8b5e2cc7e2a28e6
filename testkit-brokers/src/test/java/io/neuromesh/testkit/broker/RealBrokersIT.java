package io.neuromesh.testkit.broker;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(120)
class RealBrokersIT {

    @Test
    void mosquittoAcceptsPahoAndKeepsRetainedMessagesAcrossRestart() throws Exception {
        try (TestBroker broker = TestBrokers.mosquitto()) {
            assertEquals(BrokerKind.MOSQUITTO, broker.kind());
            assertEquals("tcp://127.0.0.1:" + broker.port(), broker.uri());
            try (Mqtt publisher = Mqtt.connect(broker, "publisher")) {
                publisher.publish("neuromesh/topology", "rev 1", true);
            }

            broker.restart();

            try (Mqtt reader = Mqtt.connect(broker, "reader")) {
                reader.subscribe("neuromesh/topology");
                assertEquals("rev 1", reader.next());
            }
        }
    }

    @Test
    void mosquittoRefusesConnectionsWhileStopped() throws Exception {
        try (TestBroker broker = TestBrokers.mosquitto()) {
            broker.stop();
            assertFalse(broker.isRunning());
            assertThrows(MqttException.class, () -> Mqtt.connect(broker, "too-early").close());

            broker.start();
            assertTrue(broker.isRunning());
            Mqtt.connect(broker, "in-time").close();
        }
    }

    @Test
    void embeddedInMemoryComesBackOnTheSamePort() throws Exception {
        try (TestBroker broker = TestBrokers.embedded()) {
            assertEquals(BrokerKind.HIVEMQ_EMBEDDED, broker.kind());
            int port = broker.port();
            Mqtt.connect(broker, "before-restart").close();

            broker.restart();

            assertTrue(broker.isRunning());
            assertEquals(port, broker.port());
            Mqtt.connect(broker, "after-restart").close();
        }
    }

    @OnEveryBroker
    void keepsRetainedMessagesAndPersistentSessionsAcrossRestart(BrokerKind kind, @TempDir Path dir)
            throws Exception {
        try (TestBroker broker = TestBrokers.persistent(kind, dir)) {
            assertEquals(kind, broker.kind());
            try (Mqtt sleeper = Mqtt.connect(broker, "sleeper", false)) {
                sleeper.subscribe("neuron/z");
            }
            try (Mqtt publisher = Mqtt.connect(broker, "publisher")) {
                publisher.publish("neuron/z/output", "{\"value\":1}", true);
                publisher.publish("neuron/z", "{\"fire\":true}", false);
            }

            broker.restart();

            try (Mqtt sleeper = Mqtt.connect(broker, "sleeper", false)) {
                assertEquals("{\"fire\":true}", sleeper.next(), "the persistent session lost its queued message");
            }
            try (Mqtt reader = Mqtt.connect(broker, "reader")) {
                reader.subscribe("neuron/z/output");
                assertEquals("{\"value\":1}", reader.next(), "the retained message did not survive the restart");
            }
        }
    }
}
