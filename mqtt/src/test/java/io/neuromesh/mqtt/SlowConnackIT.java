package io.neuromesh.mqtt;

import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.OnEveryBroker;
import io.neuromesh.testkit.broker.TcpRelay;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broker that answers a CONNECT later than the link waits (a loaded broker or machine: seen with 100 nodes on two
 * cores). The link gives that attempt up and tries again; the late CONNACK must not leave Paho connected behind the
 * link's back, where every later attempt failed with "Client is connected" and nothing was ever subscribed.
 */
@Timeout(90)
class SlowConnackIT {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    @OnEveryBroker
    void aConnackLaterThanTheAttemptWaitsEndsInAWorkingConnection(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind);
             TcpRelay relay = new TcpRelay(broker.port());
             MqttLink link = MqttLink.builder().broker(relay.uri()).clientId("slow-connack")
                     .connectTimeout(CONNECT_TIMEOUT).startTimeout(Duration.ofSeconds(60))
                     .reconnectDelay(Duration.ofMillis(200), Duration.ofMillis(500)).build();
             MqttLink publisher = MqttLink.builder().broker(broker.uri()).clientId("slow-connack-pub").build()) {
            CountDownLatch failed = new CountDownLatch(2);
            link.addListener(new LinkListener() {
                @Override
                public void connectFailed(String reason, Duration retryIn) {
                    failed.countDown();
                }
            });
            BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
            link.subscribe(Subscription.of("slow/connack"), m -> got.add(m.payload()));

            relay.hold();
            CompletableFuture<Void> started = CompletableFuture.runAsync(link::start);
            // Two attempts given up (each waits the connect timeout and a second): the broker has their CONNECTs.
            assertTrue(failed.await(30, TimeUnit.SECONDS), "the link never gave an attempt up");
            relay.release();

            started.get(20, TimeUnit.SECONDS);
            assertEquals(LinkState.CONNECTED, link.state());
            // Connected as the link knows it: its subscription is back, so a message reaches it.
            publisher.start();
            byte[] payload = "after a slow CONNACK".getBytes(StandardCharsets.UTF_8);
            publisher.publish("slow/connack", payload, Qos.AT_LEAST_ONCE, false);
            byte[] received = got.poll(10, TimeUnit.SECONDS);
            assertArrayEquals(payload, received, "the subscription was not restored");
        }
    }
}
