package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.internal.brain.BrainLoop;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.signal.NeuronInboxes;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.mqtt.LinkListener;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TcpRelay;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node's input subscriptions on both brokers: one {@code neuron/+} while it hosts every neuron of its topology,
 * exact filters for its own neurons once it shares the topology, none once it hosts nothing; and, through the
 * outbox, started on a thread of their own and awaited before the node counts on them; spread over input connections
 * once the node's own connection holds its share, with no echo of what the node delivers in-process.
 */
@Timeout(60)
class InputSubscriptionsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String INPUT = "{\"from\":\"x\",\"value\":1}";
    private static final InputFilterRules DEFAULT_RULES = new InputFilterRules(
            EdgeConfig.DEFAULT_INPUT_FILTERS_PER_CONNECTION, EdgeConfig.DEFAULT_INPUT_WILDCARD_SHARE);
    /** One exact filter per connection, and the wildcard only for a node that hosts every neuron. */
    private static final InputFilterRules ONE_PER_CONNECTION = new InputFilterRules(1, 1);

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void oneWildcardWhileTheNodeHostsEveryNeuronThenOnlyItsOwnNeuronsInputs(BrokerKind kind) {
        try (TestBroker broker = TestBrokers.of(kind);
             MqttLink node = MqttLink.builder().broker(broker.uri()).clientId("inputs-node").build();
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("inputs-sender").build()) {
            // Mosquitto may deliver a message twice while two filters overlap: compare what arrived, not copies.
            Set<String> got = ConcurrentHashMap.newKeySet();
            InputSubscriptions inputs = new InputSubscriptions(node, "n1", Runnable::run,
                    m -> got.add(m.topic() + " " + new String(m.payload(), StandardCharsets.UTF_8)),
                    DEFAULT_RULES, () -> { });
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

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void awaitedInputSubscriptionsBringTheNeuronsInputsIntoTheirInboxes(BrokerKind kind) {
        try (TestBroker broker = TestBrokers.of(kind);
             MqttLink node = MqttLink.builder().broker(broker.uri()).clientId("outbox-node").build();
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("outbox-sender").build();
             RetainedReader reader = new RetainedReader(node.config(), "outbox-node-reader")) {
            node.start();
            sender.start();
            Counters counters = new Counters();
            NeuronInboxes inboxes = new NeuronInboxes(16, inbox -> {
            }, counters);
            inboxes.open("a");
            inboxes.open("b");
            MqttOutbox outbox = new MqttOutbox(node, "n1", Qos.AT_LEAST_ONCE, inboxes, new BrainLoop("n1"), reader,
                    DEFAULT_RULES, () -> { });

            // Two of a topology of three: exact filters, one per neuron.
            NeuronOutbox.Pending pending = outbox.inputs(Set.of("a", "b"), 3);
            pending.await();
            // One sender, one subscriber, one callback thread: had c's input come, it would have come first.
            send(sender, "neuron/c", INPUT);
            send(sender, "neuron/a", INPUT);
            send(sender, "neuron/b", INPUT);
            await().atMost(WAIT).until(() -> inboxes.depth() == 2);
            assertEquals(0, counters.unknownNeuron.sum(), "c is not subscribed here, so nothing arrives for it");

            // b leaves as Hosting releases a neuron: its inbox closed (its waiting input dropped), then the
            // subscriptions follow.
            inboxes.close("b");
            assertEquals(1, inboxes.depth());
            outbox.inputs(Set.of("a"), 3).await();
            send(sender, "neuron/b", INPUT);
            send(sender, "neuron/a", INPUT);
            await().atMost(WAIT).until(() -> inboxes.depth() == 2);
            assertEquals(0, counters.unknownNeuron.sum(), "b was unsubscribed before its input was sent");
        }
    }

    /**
     * A node that hosts a large share of a large topology (here 1,200 of 2,000 neurons) subscribes {@code neuron/+}
     * and receives its peers' inputs too; with a smaller share (1,200 of 4,000) it subscribes one filter per neuron.
     */
    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aLargeShareOfALargeTopologyIsSubscribedWithTheWildcard(BrokerKind kind) {
        try (TestBroker broker = TestBrokers.of(kind);
             MqttLink node = MqttLink.builder().broker(broker.uri()).clientId("share-node").build();
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("share-sender").build()) {
            node.start();
            sender.start();
            Set<String> got = ConcurrentHashMap.newKeySet();
            Set<String> hosted = new HashSet<>();
            for (int i = 0; i < 1_200; i++) {
                hosted.add("n" + i);
            }
            try (InputSubscriptions inputs = new InputSubscriptions(node, "n1", Runnable::run, m -> got.add(m.topic()),
                    DEFAULT_RULES, () -> { })) {
                inputs.follow(hosted, 2_000);
                assertTrue(inputs.wildcard(), "1,200 of 2,000: above the default share of 0.4");
                assertEquals(0, inputs.exactFilters());
                send(sender, "neuron/n0", INPUT);
                send(sender, "neuron/n1999", INPUT);
                await().atMost(WAIT).until(() -> got.equals(Set.of("neuron/n0", "neuron/n1999")));

                inputs.follow(hosted, 4_000);
                assertFalse(inputs.wildcard(), "1,200 of 4,000: below it");
                assertEquals(1_200, inputs.exactFilters());
                got.clear();
                send(sender, "neuron/n1999", INPUT);
                send(sender, "neuron/n0", INPUT);
                await().atMost(WAIT).until(() -> got.contains("neuron/n0"));
                assertEquals(Set.of("neuron/n0"), got, "a peer's neuron's input no longer comes here");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void filtersBeyondAConnectionsShareGoOnInputConnectionsAndTheNodesOwnInputsAreNotEchoed(BrokerKind kind) {
        try (TestBroker broker = TestBrokers.of(kind);
             MqttLink node = MqttLink.builder().broker(broker.uri()).clientId("spread-node").build();
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("spread-sender").build();
             RetainedReader reader = new RetainedReader(node.config(), "spread-node-reader")) {
            node.start();
            sender.start();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            sender.subscribe(List.of(Subscription.of("neuron/+", Qos.AT_LEAST_ONCE)), Runnable::run,
                    m -> seen.add(m.topic()));
            Counters counters = new Counters();
            NeuronInboxes inboxes = new NeuronInboxes(16, inbox -> {
            }, counters);
            Set<String> hosted = Set.of("a", "b", "c", "d", "e");
            hosted.forEach(inboxes::open);
            try (MqttOutbox outbox = new MqttOutbox(node, "n1", Qos.AT_LEAST_ONCE, inboxes, new BrainLoop("n1"),
                    reader, new InputFilterRules(2, 1), () -> { })) {
                // Five of a topology of ten, two filters per connection: the node's own and two input connections.
                outbox.inputs(hosted, 10).await();
                for (String neuron : hosted) {
                    send(sender, "neuron/" + neuron, INPUT);
                }
                await().atMost(WAIT).until(() -> inboxes.depth() == 5);

                // The node's own inputs to its neurons (delivered in-process by the signal path) reach the broker,
                // as observers see, and do not come back, whichever connection holds the neuron's filter.
                seen.clear();
                for (String neuron : hosted) {
                    outbox.input(neuron, INPUT.getBytes(StandardCharsets.UTF_8));
                }
                await().atMost(WAIT).until(() -> seen.size() == 5);
                // Absence can only be waited for: an echo would come about as fast as the sender's copy did.
                send(sender, "neuron/a", INPUT);
                await().atMost(WAIT).until(() -> inboxes.depth() == 6);
                await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> inboxes.depth() == 6);

                // Down to one neuron: the input connections close, and the others' inputs no longer come.
                hosted.stream().filter(n -> !n.equals("a")).forEach(inboxes::close);
                assertEquals(2, inboxes.depth(), "a's two inputs wait");
                outbox.inputs(Set.of("a"), 10).await();
                for (String neuron : hosted) {
                    send(sender, "neuron/" + neuron, INPUT);
                }
                await().atMost(WAIT).until(() -> inboxes.depth() == 3);
                assertEquals(0, counters.unknownNeuron.sum(), "only a is subscribed now");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void whenNoInputConnectionCanBeOpenedEveryFilterGoesOnTheNodesOwn(BrokerKind kind) {
        try (TestBroker broker = TestBrokers.of(kind);
             TcpRelay relay = new TcpRelay(broker.port());
             MqttLink node = MqttLink.builder().broker(relay.uri()).clientId("refused-node")
                     .connectTimeout(Duration.ofSeconds(1)).startTimeout(Duration.ofSeconds(2)).build();
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("refused-sender").build()) {
            node.start();
            sender.start();
            relay.refuseNew();
            Set<String> got = ConcurrentHashMap.newKeySet();
            try (InputSubscriptions inputs = new InputSubscriptions(node, "n1", Runnable::run,
                    m -> got.add(m.topic()), ONE_PER_CONNECTION, () -> { })) {
                inputs.follow(Set.of("a", "b", "c"), 10);

                assertEquals(3, inputs.exactFilters());
                assertEquals(node, inputs.linkFor("c"), "c's filter is on the node's own connection");
                for (String neuron : new String[]{"a", "b", "c"}) {
                    send(sender, "neuron/" + neuron, INPUT);
                }
                await().atMost(WAIT).until(() -> got.equals(Set.of("neuron/a", "neuron/b", "neuron/c")));
            }
        }
    }

    /**
     * After a lost connection each input connection restores its own filters and says so: the node's online status
     * waits for that ({@code InputConnectionsHold}).
     */
    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void inputConnectionsThatReconnectSayTheyAreBackWithTheirFilters(BrokerKind kind) {
        try (TestBroker broker = TestBrokers.of(kind);
             TcpRelay relay = new TcpRelay(broker.port());
             MqttLink node = MqttLink.builder().broker(relay.uri()).clientId("back-node").build();
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("back-sender").build()) {
            node.start();
            sender.start();
            Set<String> got = ConcurrentHashMap.newKeySet();
            LongAdder back = new LongAdder();
            try (InputSubscriptions inputs = new InputSubscriptions(node, "n1", Runnable::run,
                    m -> got.add(m.topic()), ONE_PER_CONNECTION, back::increment)) {
                inputs.follow(Set.of("a", "b", "c"), 10);
                assertTrue(inputs.inputConnectionsUp());
                assertEquals(0, back.sum(), "a first connect is no reconnect");

                LongAdder nodeBack = new LongAdder();
                node.addListener(new LinkListener() {
                    @Override
                    public void connected(boolean reconnect) {
                        nodeBack.increment();
                    }
                });
                relay.cut();
                await().atMost(WAIT).until(() -> !inputs.inputConnectionsUp());
                relay.restore();
                await().atMost(WAIT).until(() -> back.sum() == 2);
                // The node's own connection holds a filter too; the runtime announces itself only after it is back.
                await().atMost(WAIT).until(() -> nodeBack.sum() == 1);
                assertTrue(inputs.inputConnectionsUp());
                for (String neuron : new String[]{"a", "b", "c"}) {
                    send(sender, "neuron/" + neuron, INPUT);
                }
                await().atMost(WAIT).until(() -> got.equals(Set.of("neuron/a", "neuron/b", "neuron/c")));
            }
        }
    }

    private static void send(MqttLink sender, String topic, String text) {
        sender.publish(topic, text.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false);
    }
}
