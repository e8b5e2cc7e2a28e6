package io.neuromesh.mqtt;

import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TcpRelay;
import io.neuromesh.testkit.broker.OnEveryBroker;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bursts of QoS 1 publishes far beyond the broker's Receive Maximum (HiveMQ 10, mosquitto 20) from several threads on
 * one link: Paho refuses them with 32202 once the window is full; the link waits for completions and sends every
 * one, in order per thread.
 */
@Timeout(120)
class InflightWindowIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PUBLISHERS = 4;
    /** 100 times HiveMQ's window per thread. */
    private static final int PER_PUBLISHER = 1_000;
    /** Five times HiveMQ CE's own queue limit per subscriber (1,000, then it discards new messages). */
    private static final int BURST = 5_000;

    @OnEveryBroker
    void aBurstBeyondTheReceiveMaximumLosesNothingAndKeepsOrder(BrokerKind kind) throws Exception {
        List<MqttLink> links = new ArrayList<>();
        try (TestBroker broker = TestBrokers.of(kind);
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("window-sender").build()) {
            // One receiver per publishing thread: order is checked per publisher.
            List<List<Integer>> seen = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                List<Integer> got = new CopyOnWriteArrayList<>();
                seen.add(got);
                MqttLink receiver = MqttLink.builder().broker(broker.uri()).clientId("window-receiver-" + p).build();
                links.add(receiver);
                receiver.subscribe(Subscription.of("burst/" + p), m -> got.add(
                        Integer.parseInt(new String(m.payload(), StandardCharsets.UTF_8))));
                receiver.start();
            }
            sender.start();

            long started = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                String topic = "burst/" + p;
                threads.add(Thread.ofPlatform().name("burst-" + p).start(() -> {
                    try {
                        for (int i = 0; i < PER_PUBLISHER; i++) {
                            sender.publish(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8),
                                    Qos.AT_LEAST_ONCE, false);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertTrue(failures.isEmpty(), failures.toString());
            // Eventually: a connection lost during the burst (a loaded machine) keeps the rest in the offline buffer,
            // which the reconnect flushes in order; nothing may be lost either way.
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertEquals(PUBLISHERS * PER_PUBLISHER,
                    sender.stats().published(), "every publish accepted"));
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertEquals(PUBLISHERS * PER_PUBLISHER,
                    seen.stream().mapToInt(List::size).sum(),
                    () -> "arrived per publisher: " + seen.stream().map(List::size).toList()));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s: %d QoS 1 publishes through the in-flight window in %.2f s (%.0f msg/s)%n", kind,
                    PUBLISHERS * PER_PUBLISHER, seconds, PUBLISHERS * PER_PUBLISHER / seconds);
            for (int p = 0; p < PUBLISHERS; p++) {
                for (int i = 0; i < PER_PUBLISHER; i++) {
                    assertEquals(i, seen.get(p).get(i), "publisher " + p + ": in order, no duplicates");
                }
            }
        } finally {
            links.forEach(MqttLink::close);
        }
    }

    /**
     * A node that falls behind (here: one that acknowledges nothing until the whole burst is at the broker) gets every
     * message later, in order. Before the brokers Neuromesh starts queued 100,000 per subscriber, the embedded HiveMQ
     * kept 1,000 and silently dropped the rest (a loaded CI machine lost 482 of 10,000 this way).
     */
    @OnEveryBroker
    void aSubscriberThatFallsBehindGetsTheWholeBurstLaterInOrder(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind);
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("queue-sender").build();
             MqttLink worker = MqttLink.builder().broker(broker.uri()).clientId("queue-worker").receiveMaximum(10)
                     .manualAcks(true).build()) {
            BlockingQueue<InboundMessage> got = new LinkedBlockingQueue<>();
            worker.subscribe(Subscription.of("burst/slow"), got::add);
            worker.start();
            sender.start();
            for (int i = 0; i < BURST; i++) {
                sender.publish("burst/slow", Integer.toString(i).getBytes(StandardCharsets.UTF_8),
                        Qos.AT_LEAST_ONCE, false);
            }
            // Every publish acknowledged by the broker: all of them are now queued there for the worker.
            Awaitility.await().atMost(WAIT).until(() -> sender.stats().published() == BURST);
            for (int i = 0; i < BURST; i++) {
                InboundMessage m = got.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(m, "message " + i + " of " + BURST + " never arrived");
                assertEquals(Integer.toString(i), new String(m.payload(), StandardCharsets.UTF_8), "in order");
                worker.complete(m);
            }
        }
    }

    /**
     * A first publish to a topic that meets a full in-flight window. Paho 1.2.5 gives a topic an alias before it
     * checks the window, so the refused publish left an alias the broker never saw; the retry then carried only the
     * alias and the broker closed the connection ("Topic alias invalid", 148), losing the QoS 1 messages in flight (a
     * CI run lost 3,070 of 4,000 this way). The link turns Paho's outgoing aliases off: the connection survives and
     * every message arrives.
     */
    @OnEveryBroker
    void aNewTopicMeetingAFullWindowKeepsTheConnectionAndLosesNothing(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind);
             TcpRelay proxy = new TcpRelay(broker.port());
             MqttLink sender = MqttLink.builder().broker(proxy.uri()).clientId("alias-sender").build();
             MqttLink receiver = MqttLink.builder().broker(broker.uri()).clientId("alias-receiver").build()) {
            Set<String> got = ConcurrentHashMap.newKeySet();
            receiver.subscribe(Subscription.of("alias/+"), m -> got.add(
                    m.topic() + " " + new String(m.payload(), StandardCharsets.UTF_8)));
            receiver.start();
            sender.start();
            // No PUBACK reaches the sender now: after the broker's Receive Maximum (1,000 on both) the window is full.
            proxy.hold();
            for (int i = 0; i < EmbeddedBroker.DEFAULT_RECEIVE_MAXIMUM; i++) {
                sender.publish("alias/old", bytes(i), Qos.AT_LEAST_ONCE, false);
            }
            // Bounded: Paho's sender thread writes 1,000 small packets in milliseconds; only written ones fill it.
            Thread.sleep(500);
            Thread late = Thread.ofPlatform().name("alias-new").start(() -> sender.publish("alias/new", bytes(0),
                    Qos.AT_LEAST_ONCE, false));
            Thread.sleep(300);
            proxy.release();
            late.join(WAIT.toMillis());
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertEquals(
                    EmbeddedBroker.DEFAULT_RECEIVE_MAXIMUM + 1, got.size(), "arrived"));
            assertTrue(got.contains("alias/new 0"), "the new topic's message arrived");
            assertEquals(1, sender.stats().connects(), "the sender never lost its connection");
        }
    }

    /**
     * {@link MqttLink#tryPublish} never waits for the window: it takes exactly as many QoS 1 messages as the broker's
     * Receive Maximum and refuses, doing nothing, once they are all outstanding; after the acknowledgements it takes
     * them again. The edge's resting outputs are paced this way, so that they never queue up ahead of its heartbeats.
     * (Paho itself counts only the messages its sender thread has written: a CI run whose loop outran that thread had
     * all 20,000 accepted.)
     */
    @OnEveryBroker
    void tryPublishTakesWhatTheWindowHasRoomForThenRefuses(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind);
             TcpRelay proxy = new TcpRelay(broker.port());
             MqttLink sender = MqttLink.builder().broker(proxy.uri()).clientId("try-sender").build();
             MqttLink receiver = MqttLink.builder().broker(broker.uri()).clientId("try-receiver").build()) {
            List<String> got = new CopyOnWriteArrayList<>();
            receiver.subscribe(Subscription.of("try/+"), m -> got.add(new String(m.payload(), StandardCharsets.UTF_8)));
            receiver.start();
            sender.start();
            // No PUBACK reaches the sender now: the window fills with the broker's Receive Maximum (1,000 on both).
            proxy.hold();
            List<String> taken = new ArrayList<>();
            int limit = 20 * EmbeddedBroker.DEFAULT_RECEIVE_MAXIMUM;
            int next = 0;
            while (next < limit && sender.tryPublish(OutboundMessage.of("try/a", bytes(next), Qos.AT_LEAST_ONCE,
                    false))) {
                taken.add(Integer.toString(next++));
            }
            assertEquals(EmbeddedBroker.DEFAULT_RECEIVE_MAXIMUM, taken.size(), "taken before refusing");
            Thread.sleep(300);
            assertFalse(sender.tryPublish(OutboundMessage.of("try/a", bytes(-1), Qos.AT_LEAST_ONCE, false)),
                    "still full: nothing acknowledged");

            proxy.release();
            int last = next;
            Awaitility.await().atMost(WAIT).until(() -> sender.tryPublish(
                    OutboundMessage.of("try/b", bytes(last), Qos.AT_LEAST_ONCE, false)));
            taken.add(Integer.toString(last));
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertEquals(taken, got,
                    "exactly what it took, in order"));
        }
    }

    /**
     * A connection lost with the whole window outstanding fails those publishes, and the window counts them free: after
     * the reconnect {@link MqttLink#tryPublish} takes a full window again, not one message fewer.
     */
    @OnEveryBroker
    void tryPublishHasTheWholeWindowAgainAfterALostConnection(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind);
             TcpRelay proxy = new TcpRelay(broker.port());
             MqttLink sender = MqttLink.builder().broker(proxy.uri()).clientId("lost-sender").build()) {
            sender.start();
            proxy.hold();
            assertEquals(EmbeddedBroker.DEFAULT_RECEIVE_MAXIMUM, takeUntilRefused(sender, "lost/a"), "first window");
            proxy.cut();
            Awaitility.await().atMost(WAIT).until(() -> sender.state() != LinkState.CONNECTED);
            assertFalse(sender.tryPublish(OutboundMessage.of("lost/a", bytes(0), Qos.AT_LEAST_ONCE, false)),
                    "refused while offline");
            proxy.release();
            proxy.restore();
            // Acknowledged after whatever the reconnect resent: nothing is in flight once it returns.
            sender.publishAcknowledged(OutboundMessage.of("lost/b", bytes(0), Qos.AT_LEAST_ONCE, false), WAIT);
            // Paho wakes the waiter just before it runs the completion listener.
            Thread.sleep(300);
            proxy.hold();
            assertEquals(EmbeddedBroker.DEFAULT_RECEIVE_MAXIMUM, takeUntilRefused(sender, "lost/c"), "window after");
        }
    }

    /** QoS 1 publishes through {@link MqttLink#tryPublish} until it refuses one; how many it took. */
    private static int takeUntilRefused(MqttLink sender, String topic) {
        int taken = 0;
        while (taken <= 20 * EmbeddedBroker.DEFAULT_RECEIVE_MAXIMUM
                && sender.tryPublish(OutboundMessage.of(topic, bytes(taken), Qos.AT_LEAST_ONCE, false))) {
            taken++;
        }
        return taken;
    }

    private static byte[] bytes(int i) {
        return Integer.toString(i).getBytes(StandardCharsets.UTF_8);
    }
}
