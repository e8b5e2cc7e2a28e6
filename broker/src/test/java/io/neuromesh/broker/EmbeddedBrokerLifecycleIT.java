package io.neuromesh.broker;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(90)
class EmbeddedBrokerLifecycleIT {

    @TempDir
    Path dir;

    @Test
    void startsInMemoryOnAFreePortAndLeavesNothingBehindOnClose() throws Exception {
        NonDaemonThreads threads = new NonDaemonThreads();
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).persistence(Persistence.IN_MEMORY).build();

        broker.start();
        assertTrue(broker.isRunning());
        assertEquals("tcp://127.0.0.1:" + broker.port(), broker.uri());
        Path temporary = broker.dataDir();
        assertTrue(Files.isRegularFile(temporary.resolve("conf/config.xml")));
        MqttClient client = new MqttClient(broker.uri(), "lifecycle", new MemoryPersistence());
        client.connect();
        client.disconnect();
        client.close();

        broker.close();
        assertFalse(broker.isRunning());
        assertFalse(Files.exists(temporary));
        assertEquals(List.of(), threads.leftBehind());
    }

    @Test
    void closesTwiceAndRefusesToStartAgain() {
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).persistence(Persistence.IN_MEMORY).build();
        broker.start();

        broker.close();
        assertDoesNotThrow(broker::close);

        IllegalStateException e = assertThrows(IllegalStateException.class, broker::start);
        assertEquals("this EmbeddedBroker was closed: instances are single-use, build a new one to start again",
                e.getMessage());
    }

    @Test
    void aSecondBrokerOnTheSamePortFailsWithAClearMessageAndLeavesNoThreads() throws Exception {
        // The first broker starts Netty threads lazily, so threads are compared once both brokers are closed.
        NonDaemonThreads threads = new NonDaemonThreads();
        try (EmbeddedBroker first = EmbeddedBroker.builder().port(0).persistence(Persistence.IN_MEMORY).build()) {
            first.start();
            EmbeddedBroker second = EmbeddedBroker.builder().port(first.port()).persistence(Persistence.IN_MEMORY)
                    .build();

            BrokerException e = assertThrows(BrokerException.class, second::start);

            assertEquals("port " + first.port() + " on 127.0.0.1 is already in use", e.getMessage());
            assertFalse(second.isRunning());
            assertDoesNotThrow(second::close);
            assertDoesNotThrow(second::close);
            assertTrue(first.isRunning());
        }
        assertEquals(List.of(), threads.leftBehind());
    }

    @Test
    void aSecondBrokerOnTheSameDataDirFailsWithAClearMessage() {
        try (EmbeddedBroker first = EmbeddedBroker.builder().port(0).dataDir(dir).build()) {
            first.start();
            EmbeddedBroker second = EmbeddedBroker.builder().port(0).dataDir(dir).build();

            BrokerException e = assertThrows(BrokerException.class, second::start);

            assertEquals("data directory " + dir.toAbsolutePath() + " is in use by another running broker",
                    e.getMessage());
        }
    }

    @Test
    void keepsRetainedMessagesAndPersistentSessionsAcrossARestartWithFilePersistence() throws Exception {
        int port;
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).dataDir(dir).build()) {
            broker.start();
            port = broker.port();
            MqttClient sleeper = connect(broker.uri(), "sleeper", false, new Inbox());
            sleeper.subscribe("queued/t", 1);
            sleeper.disconnect();
            sleeper.close();
            MqttClient publisher = connect(broker.uri(), "publisher", true, new Inbox());
            publisher.publish("retained/t", message("kept", true));
            publisher.publish("queued/t", message("waiting", false));
            publisher.disconnect();
            publisher.close();
        }

        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(port).dataDir(dir).build()) {
            broker.start();
            Inbox sleeperInbox = new Inbox();
            MqttClient sleeper = connect(broker.uri(), "sleeper", false, sleeperInbox);
            Inbox.Received queued = sleeperInbox.next();
            Inbox retainedInbox = new Inbox();
            MqttClient reader = connect(broker.uri(), "reader", true, retainedInbox);
            reader.subscribe("retained/t", 1);
            Inbox.Received retained = retainedInbox.next();
            sleeper.disconnect();
            sleeper.close();
            reader.disconnect();
            reader.close();

            assertNotNull(queued, "the persistent session lost its queued message");
            assertEquals("waiting", queued.payload());
            assertNotNull(retained, "the retained message did not survive the restart");
            assertEquals("kept", retained.payload());
        }
    }

    private static MqttClient connect(String uri, String id, boolean cleanStart, Inbox inbox) throws Exception {
        MqttClient client = new MqttClient(uri, id, new MemoryPersistence());
        client.setCallback(inbox);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        if (!cleanStart) {
            options.setSessionExpiryInterval(3600L);
        }
        client.connect(options);
        return client;
    }

    private static MqttMessage message(String payload, boolean retained) {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(retained);
        return message;
    }
}
