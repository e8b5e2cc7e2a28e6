package io.neuromesh.mqtt;

import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.neuromesh.testkit.broker.BrokerKind;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link MqttLink#start()}: returns when connected, or throws with the broker and the reason and leaves nothing running. */
@Timeout(60)
class LinkStartIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** A local port nobody listens on: the port of a socket that was just closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long threadsOf(String clientId) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("mqtt-" + clientId + "-")).count();
    }

    @Test
    void withoutABrokerStartThrowsWithinItsTimeoutNamingTheBrokerAndTheReasonAndStopsItsThreads() throws Exception {
        String broker = "tcp://127.0.0.1:" + closedPort();
        MqttLink link = MqttLink.builder().broker(broker).clientId("nobody-home").startTimeout(START_TIMEOUT).build();
        long began = System.nanoTime();
        MqttLinkException e = assertThrows(MqttLinkException.class, link::start);
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertTrue(e.getMessage().startsWith("cannot connect to " + broker + " within 1s: "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("refused"), "names the reason: " + e.getMessage());
        assertTrue(took.compareTo(START_TIMEOUT) >= 0 && took.compareTo(START_TIMEOUT.plusSeconds(3)) < 0,
                "gave up after its start timeout, took " + took.toMillis() + " ms");
        assertEquals(LinkState.CLOSED, link.state());
        Awaitility.await().atMost(WAIT).until(() -> threadsOf("nobody-home") == 0);
        link.close();
        MqttLinkException again = assertThrows(MqttLinkException.class, link::start);
        assertTrue(again.getMessage().contains("closed"), again.getMessage());
    }

    @Test
    void closeFromAnotherThreadEndsAStartThatWaits() throws Exception {
        MqttLink link = MqttLink.builder().broker("tcp://127.0.0.1:" + closedPort()).clientId("closed-while-waiting")
                .startTimeout(Duration.ofMinutes(1)).build();
        CompletableFuture<Void> started = CompletableFuture.runAsync(link::start);
        Awaitility.await().atMost(WAIT).until(link::state, state -> state == LinkState.CONNECTING);
        link.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> started.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(MqttLinkException.class, e.getCause());
        Awaitility.await().atMost(WAIT).until(() -> threadsOf("closed-while-waiting") == 0);
    }

    @Test
    void startReturnsConnectedAndIsIdempotentAndCloseTwiceIsHarmless() {
        try (TestBroker broker = TestBrokers.embedded()) {
            MqttLink link = MqttLink.builder().broker(broker.uri()).clientId("twice").build();
            link.start();
            assertEquals(LinkState.CONNECTED, link.state());
            link.start();
            assertEquals(1, link.stats().connects());
            link.close();
            link.close();
            assertEquals(LinkState.CLOSED, link.state());
            Awaitility.await().atMost(WAIT).until(() -> threadsOf("twice") == 0);
        }
    }

    @Test
    void withoutAStartTimeoutStartReportsEveryFailedAttemptAndReturnsOnceTheBrokerComes(@TempDir Path dir)
            throws Exception {
        try (TestBroker broker = TestBrokers.persistent(BrokerKind.MOSQUITTO, dir)) {
            broker.stop();
            MqttLink link = MqttLink.builder().broker(broker.uri()).clientId("patient")
                    .startTimeout(LinkConfig.START_UNTIL_CLOSED)
                    .reconnect(Backoff.exponential(Duration.ofMillis(50), Duration.ofMillis(200))).build();
            List<String> failures = new CopyOnWriteArrayList<>();
            link.addListener(new LinkListener() {
                @Override
                public void connectFailed(String reason, Duration retryIn) {
                    failures.add(reason + " / " + retryIn.toMillis());
                }
            });
            CompletableFuture<Void> started = CompletableFuture.runAsync(link::start);
            // If the link connected here, something else answered on the stopped broker's port (a parallel build).
            Awaitility.await().atMost(WAIT).until(() -> failures.size() >= 4);
            assertFalse(started.isDone(), "start() waits for the broker");
            assertEquals(List.of("connection refused / 50", "connection refused / 100", "connection refused / 200",
                    "connection refused / 200"), failures.subList(0, 4), "each attempt, with the backoff's next delay");
            broker.start();
            started.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(LinkState.CONNECTED, link.state());
            link.close();
        }
    }

    /**
     * Paho 1.2.5 slept 100 ms three times per connect and once per disconnect (neuromesh-paho patches the first, and the
     * link leaves the sleeping disconnect() to a thread of its own that nobody waits for); a flight recording of a few
     * starts and closes shows no other Paho sleep.
     */
    @Test
    void startingAndClosingALinkNeverSleepsInPaho(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sleeps.jfr");
        try (TestBroker broker = TestBrokers.embedded(); Recording recording = new Recording()) {
            recording.enable("jdk.ThreadSleep").withThreshold(Duration.ofMillis(50)).withStackTrace();
            recording.start();
            for (int i = 0; i < 3; i++) {
                MqttLink link = MqttLink.builder().broker(broker.uri()).clientId("brisk-" + i).build();
                link.start();
                link.close();
            }
            recording.stop();
            recording.dump(file);
        }
        List<String> pahoSleeps = RecordingFile.readAllEvents(file).stream()
                .filter(LinkStartIT::inPaho)
                .map(e -> e.getDuration().toMillis() + " ms in " + pahoFrame(e))
                .toList();
        assertEquals(List.of(), pahoSleeps);
    }

    private static boolean inPaho(RecordedEvent event) {
        return event.getStackTrace() != null && !pahoFrame(event).isEmpty()
                && (event.getThread() == null || !event.getThread().getJavaName().endsWith("-disconnect"));
    }

    /** The innermost Paho method on the event's stack, as {@code Class.method}; empty when none. */
    private static String pahoFrame(RecordedEvent event) {
        return event.getStackTrace().getFrames().stream()
                .map(RecordedFrame::getMethod)
                .filter(m -> m.getType().getName().startsWith("org.eclipse.paho."))
                .map(m -> m.getType().getName() + "." + m.getName())
                .findFirst().orElse("");
    }
}
