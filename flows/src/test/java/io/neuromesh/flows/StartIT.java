package io.neuromesh.flows;

import io.neuromesh.mqtt.MqttLinkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Worker#start()} and {@link FlowClient#start()} without a broker: an exception naming the broker and the
 * reason within the start timeout, and no thread left running.
 */
@Timeout(60)
class StartIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** A local port nobody listens on: the port of a socket that was just closed. */
    private static String noBroker() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static long threadsNamed(String part) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains(part)).count();
    }

    private static void assertNamesBrokerAndReason(String broker, MqttLinkException e) {
        assertTrue(e.getMessage().startsWith("cannot connect to " + broker + " within 1s: "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("refused"), e.getMessage());
    }

    @Test
    void aWorkerWithoutABrokerThrowsAndLeavesNoThreadRunning() throws Exception {
        String broker = noBroker();
        Worker worker = Worker.builder().broker(broker).name("stranded").taskDir(null)
                .link(l -> l.startTimeout(START_TIMEOUT)).build();
        long began = System.nanoTime();
        MqttLinkException e = assertThrows(MqttLinkException.class, worker::start);
        assertTrue(Duration.ofNanos(System.nanoTime() - began).compareTo(Duration.ofSeconds(5)) < 0, "gave up in time");
        assertNamesBrokerAndReason(broker, e);
        await().atMost(WAIT).until(() -> threadsNamed("-stranded-") == 0);
        worker.close();
        assertThrows(MqttLinkException.class, worker::start, "a closed worker does not start again");
    }

    @Test
    void aClientWithoutABrokerThrowsAndLeavesNoThreadRunning() throws Exception {
        String broker = noBroker();
        ClientConfig.Builder builder = FlowClient.builder().broker(broker).clientId("stranded-client")
                .connectTimeout(START_TIMEOUT);
        MqttLinkException e = assertThrows(MqttLinkException.class, builder::connect);
        assertNamesBrokerAndReason(broker, e);
        await().atMost(WAIT).until(() -> threadsNamed("stranded-client") == 0);
    }
}
