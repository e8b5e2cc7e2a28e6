package io.neuromesh.mqtt;

import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MqttLink#publishAcknowledged}: accepted, refused with the broker's reason (the embedded broker's topology
 * guard), and a timeout when the broker is unreachable or frozen. Mosquitto has no guard: it acknowledges what the
 * embedded broker refuses.
 */
@Timeout(90)
class PublishAcknowledgedIT {

    private static final String TOPOLOGY = "neuromesh/topology";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration SHORT = Duration.ofMillis(500);

    private static MqttLink started(TestBroker broker, String id) {
        MqttLink link = MqttLink.builder().broker(broker.uri()).clientId(id).startTimeout(WAIT).build();
        link.start();
        return link;
    }

    private static OutboundMessage topology(String json) {
        return OutboundMessage.of(TOPOLOGY, json, Qos.AT_LEAST_ONCE, true);
    }

    private static String doc(long rev, String node) {
        return "{\"rev\": " + rev + ", \"neurons\": [{\"id\": \"a\", \"node\": \"" + node + "\", \"threshold\": 1}]}";
    }

    @Test
    void theEmbeddedBrokerAcceptsANewerTopologyAndRefusesAnInvalidOrOlderOneWithItsReason() throws Exception {
        try (TestBroker broker = TestBrokers.embedded(); MqttLink operator = started(broker, "operator");
             MqttLink watcher = started(broker, "watcher")) {
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            watcher.subscribe(Subscription.of(TOPOLOGY), m -> seen.add(new String(m.payload(), StandardCharsets.UTF_8)));

            operator.publishAcknowledged(topology(doc(2, "n1")), WAIT);
            assertEquals(doc(2, "n1"), seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS));

            PublishRefusedException invalid = assertThrows(PublishRefusedException.class,
                    () -> operator.publishAcknowledged(topology("{\"rev\": 3, \"neurons\": [], \"colour\": 1}"), WAIT));
            assertEquals(0x99, invalid.reasonCode());
            assertEquals(TOPOLOGY, invalid.topic());
            assertEquals("colour: unknown field; known fields are rev, name, tickMs, defaults, nodes, sensors, "
                    + "neurons, synapses, actuators (not a valid topology: 1 error)", invalid.reason());
            assertEquals("the broker refused the publish to neuromesh/topology: " + invalid.reason()
                    + " (reason code 0x99)", invalid.getMessage());

            PublishRefusedException older = assertThrows(PublishRefusedException.class,
                    () -> operator.publishAcknowledged(topology(doc(1, "n1")), WAIT));
            assertEquals(0x83, older.reasonCode());
            assertTrue(older.reason().startsWith("rev 1 is not newer than the retained rev 2 (hash "), older.reason());
            assertTrue(older.reason().endsWith("); publish rev 3 or higher"), older.reason());

            // Other topics are not guarded; the refused publishes above never reached the watcher.
            operator.publishAcknowledged(OutboundMessage.of("elsewhere/t", "x", Qos.AT_LEAST_ONCE, false), WAIT);
            operator.publishAcknowledged(topology(doc(3, "n1")), WAIT);
            assertEquals(doc(3, "n1"), seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void anUnreachableBrokerIsNoAnswerWithinTheTimeoutAndAReconnectWithinItIsWaitedFor() throws Exception {
        try (TestBroker broker = TestBrokers.embedded(); MqttLink operator = started(broker, "operator")) {
            broker.stop();

            long start = System.nanoTime();
            MqttLinkException e = assertThrows(MqttLinkException.class,
                    () -> operator.publishAcknowledged(topology(doc(1, "n1")), SHORT));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("no answer from the broker within 500ms", e.getMessage());
            assertTrue(tookMs >= SHORT.toMillis() && tookMs < SHORT.toMillis() + 2_000, "took " + tookMs + " ms");

            broker.start();
            operator.publishAcknowledged(topology(doc(1, "n1")), WAIT);
        }
    }

    @Test
    void mosquittoHasNoGuardAndAcknowledgesAnOrdinaryPublish() {
        try (TestBroker broker = TestBrokers.mosquitto(); MqttLink operator = started(broker, "operator")) {
            operator.publishAcknowledged(OutboundMessage.of("t/a", "one", Qos.AT_LEAST_ONCE, false), WAIT);
            operator.publishAcknowledged(topology("not a topology"), WAIT);
        }
    }

    @Test
    void aFrozenBrokerIsNoAnswerWithinTheTimeout() throws Exception {
        try (TestBroker broker = TestBrokers.mosquitto(); MqttLink operator = started(broker, "operator")) {
            long pid = mosquittoPid();
            signal("STOP", pid);
            try {
                MqttLinkException e = assertThrows(MqttLinkException.class,
                        () -> operator.publishAcknowledged(OutboundMessage.of("t/a", "one", Qos.AT_LEAST_ONCE, false),
                                SHORT));
                assertEquals("no answer from the broker within 500ms", e.getMessage());
            } finally {
                signal("CONT", pid);
            }
        }
    }

    @Test
    void refusesQos0AndAClosedLink() {
        try (TestBroker broker = TestBrokers.mosquitto()) {
            MqttLink operator = started(broker, "operator");
            IllegalArgumentException qos0 = assertThrows(IllegalArgumentException.class, () ->
                    operator.publishAcknowledged(OutboundMessage.of("t/a", "x", Qos.AT_MOST_ONCE, false), WAIT));
            assertEquals("qos: an acknowledged publish needs AT_LEAST_ONCE, got AT_MOST_ONCE", qos0.getMessage());

            operator.close();
            MqttLinkException closed = assertThrows(MqttLinkException.class, () ->
                    operator.publishAcknowledged(OutboundMessage.of("t/a", "x", Qos.AT_LEAST_ONCE, false), WAIT));
            assertEquals("cannot publish to t/a: link operator is closed", closed.getMessage());
        }
    }

    /** The one mosquitto process this test JVM runs now. */
    private static long mosquittoPid() {
        List<ProcessHandle> mosquittos = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mosquitto")).orElse(false)).toList();
        assertEquals(1, mosquittos.size(), "mosquitto processes of this JVM: " + mosquittos);
        return mosquittos.get(0).pid();
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }
}
