package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.internal.brain.BrainLoop;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.RetainedQuery;
import io.neuromesh.edge.internal.signal.NeuronInboxes;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading retained state on both brokers, while peers publish live outputs on the same topics, and for a restore. */
@Timeout(60)
class RetainedReaderIT {

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aWildcardReadEndsWhenTheRetainedMessagesStopEvenWhileLiveOutputsGoOn(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind);
             MqttLink peer = MqttLink.builder().broker(broker.uri()).clientId("reader-peer").build();
             RetainedReader reader = new RetainedReader(peer.config(), "reader-node-reader")) {
            peer.start();
            for (String neuron : new String[]{"a", "b", "c"}) {
                peer.publishAcknowledged(OutboundMessage.of("neuron/" + neuron + "/output",
                        neuron.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, true), Duration.ofSeconds(10));
            }
            // More topics than an exact read takes: the reader subscribes neuron/+/output and neuron/+/state.
            Set<String> wanted = new HashSet<>();
            for (int i = 0; i <= NeuronOutbox.EXACT_READ_LIMIT; i++) {
                wanted.add("n" + i);
            }
            wanted.addAll(Set.of("a", "b", "c"));
            Thread live = Thread.ofVirtual().start(() -> {
                // A peer publishing outputs all along, as peers do while a node applies a large topology.
                long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
                for (int i = 0; System.nanoTime() < end; i++) {
                    peer.publish("neuron/live" + i % 50 + "/output", "1".getBytes(StandardCharsets.UTF_8),
                            Qos.AT_MOST_ONCE, false);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            try {
                long start = System.nanoTime();
                Map<String, byte[]> found = reader.read(new RetainedQuery(wanted, Set.of()));
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertEquals(Set.of("neuron/a/output", "neuron/b/output", "neuron/c/output"), found.keySet());
                assertEquals("b", new String(found.get("neuron/b/output"), StandardCharsets.UTF_8));
                // Not a speed check: a read that waited for the live outputs to pause would end at its 3 s cap.
                assertTrue(took.compareTo(Duration.ofMillis(2_500)) < 0, "the read took " + took);
            } finally {
                live.interrupt();
                live.join();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aRestoreReadStartsOnlyOnceTheChangeOfSubscriptionsItFollowsIsAcknowledged(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind);
             MqttLink node = MqttLink.builder().broker(broker.uri()).clientId("restore-node").build();
             MqttLink peer = MqttLink.builder().broker(broker.uri()).clientId("restore-peer").build();
             RetainedReader reader = new RetainedReader(node.config(), "restore-node-reader")) {
            node.start();
            peer.start();
            // Connected before the test: a read that did not wait would subscribe at once.
            assertEquals(Map.of(), reader.read(Set.of("neuron/warm/output")));
            NeuronInboxes inboxes = new NeuronInboxes(16, inbox -> {
            }, new Counters());
            try (MqttOutbox outbox = new MqttOutbox(node, "n1", Qos.AT_LEAST_ONCE, inboxes, new BrainLoop("n1"),
                    reader, new InputFilterRules(EdgeConfig.DEFAULT_INPUT_FILTERS_PER_CONNECTION,
                    EdgeConfig.DEFAULT_INPUT_WILDCARD_SHARE), () -> { })) {
                CountDownLatch acknowledged = new CountDownLatch(1);
                NeuronOutbox.RetainedRead read = outbox.fetchRetained(() -> {
                    try {
                        assertTrue(acknowledged.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, new RetainedQuery(Set.of("a"), Set.of()));
                // Longer than the read's grace period: a read that had not waited would have subscribed, found
                // nothing retained and ended; this output (retained) would reach it live, without the retain flag.
                Thread.sleep(2 * RetainedReader.GRACE.toMillis());
                peer.publishAcknowledged(OutboundMessage.of("neuron/a/output", "1".getBytes(StandardCharsets.UTF_8),
                        Qos.AT_LEAST_ONCE, true), Duration.ofSeconds(10));
                acknowledged.countDown();

                Map<String, byte[]> found = read.await();
                assertEquals(Set.of("neuron/a/output"), found.keySet(), "the read saw what was retained before it");
                assertEquals("1", new String(found.get("neuron/a/output"), StandardCharsets.UTF_8));
            }
        }
    }
}
