package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.Subscription;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Routing on Paho's callback thread, and what a refusing executor counts (the client never connects here). */
class ReceiverTest {

    private MqttAsyncClient client;
    private SubscriptionRegistry registry;
    private Receiver receiver;
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws MqttException {
        client = new MqttAsyncClient("tcp://127.0.0.1:1", "receiver-test", new MemoryPersistence());
        registry = new SubscriptionRegistry("test", client, Duration.ofSeconds(1));
        receiver = new Receiver("test", client, registry, false);
    }

    @AfterEach
    void tearDown() throws MqttException {
        client.close(true);
    }

    private void route(String filter, Executor executor) {
        registry.subscribe(List.of(Subscription.of(filter)), executor,
                message -> delivered.add(message.topic() + "=" + new String(message.payload(), StandardCharsets.UTF_8)));
    }

    private void arrive(String topic, String payload) {
        receiver.arrived(topic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRoutedMessageRunsItsHandlerOnTheRoutesExecutor() {
        route("neuron/x", Runnable::run);
        arrive("neuron/x", "1");
        arrive("neuron/other", "2");
        assertEquals(List.of("neuron/x=1"), delivered);
        assertEquals(1, receiver.received());
        assertEquals(1, receiver.unrouted());
    }

    @Test
    void anExecutorThatRefusesWhileRunningIsAFullInboxAndCounted() {
        route("neuron/x", command -> {
            throw new RejectedExecutionException("queue full");
        });
        arrive("neuron/x", "1");
        arrive("neuron/x", "2");
        assertEquals(2, receiver.rejected());
        assertEquals(List.of(), delivered);
    }

    @Test
    void anExecutorAlreadyShutDownIsClosingNotAFullInbox() {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        route("neuron/x", closed);
        arrive("neuron/x", "1");
        assertEquals(0, receiver.rejected());
        assertEquals(0, receiver.received());
        assertEquals(List.of(), delivered);
    }
}
