package io.neuromesh.mqtt;

import io.neuromesh.broker.MosquittoBroker;
import io.neuromesh.testkit.broker.FreePorts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A broker that announces a small Maximum Packet Size in its CONNACK (Mosquitto's {@code max_packet_size}): the link
 * sizes its SUBSCRIBE packets to it, so thousands of filters are all subscribed, at connect and afterwards. With
 * packets of the link's own size the broker drops the connection at the first SUBSCRIBE and nothing arrives.
 */
@Timeout(90)
class BrokerPacketLimitIT {

    private static final int MAXIMUM_PACKET_SIZE = 2048;
    /** About 48 KB of filters: one packet at the link's own budget, more than 20 at the broker's. */
    private static final int FILTERS = 3_000;

    @TempDir
    Path dir;

    @Test
    void everyFilterIsSubscribedInPacketsWithinTheBrokersMaximum() {
        Path binary = MosquittoBroker.binary().orElse(null);
        Assumptions.assumeTrue(binary != null, MosquittoBroker.MISSING);
        int port = FreePorts.next();
        String config = "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + "max_packet_size " + MAXIMUM_PACKET_SIZE + "\n";
        try (MosquittoBroker broker = MosquittoBroker.start(binary, dir, port, config);
             MqttLink receiver = MqttLink.builder().broker(broker.uri()).clientId("limit-receiver").build();
             MqttLink sender = MqttLink.builder().broker(broker.uri()).clientId("limit-sender").build()) {
            Set<String> seen = ConcurrentHashMap.newKeySet();
            // Half registered before the connection (subscribed by the restore at connect), half once connected.
            receiver.subscribe(filters(0, FILTERS / 2), receiver.dispatcher(), m -> seen.add(m.topic()));
            receiver.start();
            sender.start();
            receiver.subscribe(filters(FILTERS / 2, FILTERS), receiver.dispatcher(), m -> seen.add(m.topic()));
            for (int i = 0; i < FILTERS; i++) {
                sender.publish("neuron/n" + i, "x".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(FILTERS, seen.size()));
            assertEquals(1, receiver.stats().connects(), "the broker never dropped the receiver");
        }
    }

    private static List<Subscription> filters(int from, int to) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = from; i < to; i++) {
            subscriptions.add(Subscription.of("neuron/n" + i, Qos.AT_LEAST_ONCE));
        }
        return subscriptions;
    }
}
