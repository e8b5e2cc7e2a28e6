package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link EdgeRuntime#start()}: ready when it returns, or an exception with the broker and the reason and no thread left. */
@Timeout(90)
class EdgeStartIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A local port nobody listens on: the port of a socket that was just closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Threads of node {@code node}: its brain and presence threads and those of its links. */
    private static long threadsOf(String node) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains("-" + node + "-")).count();
    }

    @Test
    void withoutABrokerStartThrowsNamingTheBrokerAndTheReasonAndLeavesNoThreadRunning() throws Exception {
        String broker = "tcp://127.0.0.1:" + closedPort();
        EdgeRuntime runtime = EdgeRuntime.builder().node("lonely").broker(broker).gpio(GpioSetting.OFF)
                .link(l -> l.startTimeout(Duration.ofSeconds(1))).build();
        long began = System.nanoTime();
        MqttLinkException e = assertThrows(MqttLinkException.class, runtime::start);
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertTrue(e.getMessage().startsWith("cannot connect to " + broker + " within 1s: "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("refused"), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "gave up in time, took " + took.toMillis() + " ms");
        await().atMost(WAIT).until(() -> threadsOf("lonely") == 0);
        runtime.close();
        assertThrows(MqttLinkException.class, runtime::start, "a closed runtime does not start again");
    }

    @Test
    void startCalledBeforeTheBrokerIsUpReturnsOnceItIsUp(@TempDir Path dir) throws Exception {
        try (TestBroker broker = TestBrokers.persistent(BrokerKind.MOSQUITTO, dir)) {
            broker.stop();
            try (EdgeRuntime runtime = EdgeRuntime.builder().node("patient").broker(broker.uri())
                    .gpio(GpioSetting.OFF).link(l -> l.startTimeout(WAIT)).build()) {
                CompletableFuture<Void> started = CompletableFuture.runAsync(runtime::start);
                // Bounded "nothing happens": 500 ms is several connection attempts at the default backoff.
                await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> !started.isDone());
                broker.start();
                started.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertFalse(started.isCompletedExceptionally());
                runtime.start();
            }
        }
    }
}
