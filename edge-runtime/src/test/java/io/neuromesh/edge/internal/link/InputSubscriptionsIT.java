package io.neuromesh.edge.internal.link;

import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node's input subscriptions on both brokers: one {@code neuron/+} while it hosts every neuron of its topology,
 * exact filters for its own neurons once it shares the topology, none once it hosts nothing.
 */
@Timeout(60)
class InputSubscriptionsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void oneWildcardWhileTheNodeHostsEveryNeuronThenOnlyItsOwnNeuronsInputs(BrokerKind kind) {
        try (TestBroker broker = TestBrokers.of(kind);
             MqttLink node = MqttLink.builder().broker(broker.uri()).clientId("inputs-node").build();
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("inputs-sender").build()) {
            // Mosquitto may deliver a message twice while two filters overlap: compare what arrived, not copies.
            Set<String> got = ConcurrentHashMap.newKeySet();
            InputSubscriptions inputs = new InputSubscriptions(node, "n1", Runnable::run,
                    m -> got.add(m.topic() + " " + new String(m.payload(), StandardCharsets.UTF_8)));
            node.subscribe(List.of(Subscription.of("marker", Qos.AT_LEAST_ONCE)), Runnable::run,
                    m -> got.add("marker " + new String(m.payload(), StandardCharsets.UTF_8)));
            node.start();
            sender.start();

            inputs.follow(Set.of("a", "b", "c"), 3);
            assertTrue(inputs.wildcard());
            assertEquals(0, inputs.exactFilters());
            send(sender, "neuron/c", "1");
            send(sender, "neuron/c/output", "not an input");
            send(sender, "marker", "1");
            await().atMost(WAIT).until(() -> got.contains("marker 1"));
            assertEquals(Set.of("neuron/c 1", "marker 1"), got, "neuron/+ brings inputs, not outputs");

            inputs.follow(Set.of("a"), 3);
            assertFalse(inputs.wildcard());
            assertEquals(1, inputs.exactFilters());
            // One sender, one subscriber: the broker delivers in publish order, so once the marker arrived, an input
            // for b would have arrived before it.
            send(sender, "neuron/b", "2");
            send(sender, "neuron/a", "2");
            send(sender, "marker", "2");
            await().atMost(WAIT).until(() -> got.contains("marker 2"));
            assertTrue(got.contains("neuron/a 2"), got::toString);
            assertFalse(got.contains("neuron/b 2"), "b is hosted elsewhere now: " + got);

            inputs.follow(Set.of(), 3);
            assertEquals(0, inputs.exactFilters());
            send(sender, "neuron/a", "3");
            send(sender, "marker", "3");
            await().atMost(WAIT).until(() -> got.contains("marker 3"));
            assertFalse(got.contains("neuron/a 3"), "nothing hosted, nothing subscribed: " + got);
        }
    }

    private static void send(MqttLink sender, String topic, String text) {
        sender.publish(topic, text.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false);
    }
}
