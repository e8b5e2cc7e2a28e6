package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.internal.brain.BrainLoop;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.signal.NeuronInboxes;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox starts a node's input subscriptions on a thread of its own and returns; once the brain has awaited
 * them, the broker routes its neurons' inputs into their (paused) inboxes, on both brokers.
 */
@Timeout(60)
class MqttOutboxInputsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void awaitedInputSubscriptionsBringTheNeuronsInputsIntoTheirInboxes(BrokerKind kind) {
        try (TestBroker broker = TestBrokers.of(kind);
             MqttLink node = MqttLink.builder().broker(broker.uri()).clientId("outbox-node").build();
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("outbox-sender").build();
             RetainedReader reader = new RetainedReader(node.config(), "outbox-node-reader")) {
            node.start();
            sender.start();
            LongAdder unknown = new LongAdder();
            NeuronInboxes inboxes = new NeuronInboxes(16, inbox -> {
            }, new AtomicLong(), unknown);
            inboxes.open("a");
            inboxes.open("b");
            MqttOutbox outbox = new MqttOutbox(node, "n1", Qos.AT_LEAST_ONCE, inboxes, new BrainLoop("n1"), reader);

            // Two of a topology of three: exact filters, one per neuron.
            NeuronOutbox.Pending pending = outbox.inputs(Set.of("a", "b"), 3);
            pending.await();
            // One sender, one subscriber, one callback thread: had c's input come, it would have come first.
            send(sender, "neuron/c");
            send(sender, "neuron/a");
            send(sender, "neuron/b");
            await().atMost(WAIT).until(() -> inboxes.depth() == 2);
            assertEquals(0, unknown.sum(), "c is not subscribed here, so nothing arrives for it");

            // b leaves as Hosting releases a neuron: its inbox closed (its waiting input dropped), then the
            // subscriptions follow.
            inboxes.close("b");
            assertEquals(1, inboxes.depth());
            outbox.inputs(Set.of("a"), 3).await();
            send(sender, "neuron/b");
            send(sender, "neuron/a");
            await().atMost(WAIT).until(() -> inboxes.depth() == 2);
            assertEquals(0, unknown.sum(), "b was unsubscribed before its input was sent");
        }
    }

    private static void send(MqttLink sender, String topic) {
        sender.publish(topic, "{\"from\":\"x\",\"value\":1}".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE,
                false);
    }
}
