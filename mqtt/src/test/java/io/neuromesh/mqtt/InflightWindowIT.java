package io.neuromesh.mqtt;

import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.OnEveryBroker;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    /**
     * 100 times HiveMQ's window per thread, yet no more than a broker queues for one subscriber (HiveMQ CE: 1000
     * messages, then it discards new ones): on this 2-core machine a receiver in the same JVM can fall behind, and
     * the test is about the sender's window, not the broker's queue limits.
     */
    private static final int PER_PUBLISHER = 1_000;

    @OnEveryBroker
    void aBurstBeyondTheReceiveMaximumLosesNothingAndKeepsOrder(BrokerKind kind) throws Exception {
        List<MqttLink> links = new ArrayList<>();
        try (TestBroker broker = TestBrokers.of(kind);
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("window-sender").build()) {
            // One receiver per publishing thread, so that no subscriber's broker-side queue can overflow.
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
}
