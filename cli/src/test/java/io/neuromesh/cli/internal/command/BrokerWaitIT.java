package io.neuromesh.cli.internal.command;

import io.neuromesh.mqtt.Backoff;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link BrokerWait}, as {@code edge} and {@code worker} use it, with real links and a broker that comes late. */
@Timeout(90)
class BrokerWaitIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Backoff BACKOFF = Backoff.exponential(Duration.ofMillis(50), Duration.ofMillis(200));

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private static CompletableFuture<MqttLink> startAsync(BrokerWait<MqttLink> wait, URI broker, PrintStream err) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return wait.start(() -> MqttLink.builder().broker(broker).clientId("waiter")
                        .startTimeout(Duration.ofMillis(300)).build(), err);
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
    }

    @Test
    void saysOnceThatItWaitsForTheBrokerThenStartsWhenItComes(@TempDir Path dir) throws Exception {
        try (TestBroker broker = TestBrokers.persistent(BrokerKind.MOSQUITTO, dir)) {
            broker.stop();
            URI uri = URI.create(broker.uri());
            BrokerWait<MqttLink> wait = new BrokerWait<>("edge", uri, BACKOFF, MqttLink::start, MqttLink::close);
            CompletableFuture<MqttLink> started = startAsync(wait, uri, err);
            String line = "neuromesh edge: waiting for the broker at " + uri + ": cannot connect to " + uri
                    + " within 300ms: ";
            // If start() returned here, something else answered on the stopped broker's port (a parallel build).
            await().atMost(WAIT).untilAsserted(() -> assertTrue(err().startsWith(line),
                    () -> "stderr: '" + err() + "', started: " + started));
            // Bounded "nothing happens": 1.5 s is at least three more attempts (300 ms each plus at most 200 ms
            // between), all failing for the same reason, so they must not add lines.
            await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> err().lines().count() == 1);
            broker.start();
            MqttLink link = started.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(LinkState.CONNECTED, link.state());
            wait.stop();
            assertEquals(LinkState.CLOSED, link.state(), "stop() closes the started part");
        }
    }

    @Test
    void stopEndsTheWaitWithoutAPart(@TempDir Path dir) throws Exception {
        try (TestBroker broker = TestBrokers.persistent(BrokerKind.MOSQUITTO, dir)) {
            broker.stop();
            URI uri = URI.create(broker.uri());
            BrokerWait<MqttLink> wait = new BrokerWait<>("worker", uri, BACKOFF, MqttLink::start, MqttLink::close);
            CompletableFuture<MqttLink> started = startAsync(wait, uri, err);
            await().atMost(WAIT).until(() -> err().startsWith("neuromesh worker: waiting for the broker at " + uri));
            wait.stop();
            assertNull(started.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }
}
