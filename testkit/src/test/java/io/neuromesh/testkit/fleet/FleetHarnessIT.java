package io.neuromesh.testkit.fleet;

import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.OnEveryBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fleet harness on real brokers: nodes started and closed in order, topology publishing, observers. */
@Timeout(60)
class FleetHarnessIT {

    /** A node that only records its lifecycle. */
    private record Recorded(String name, String broker, List<String> log) implements AutoCloseable {
        @Override
        public void close() {
            log.add("closed " + name);
        }
    }

    @OnEveryBroker
    void startsNodesOnItsBrokerObservesTopicsAndClosesEverythingInReverseOrder(BrokerKind kind) {
        List<String> log = new CopyOnWriteArrayList<>();
        TestFleet<Recorded> fleet = TestFleet.<Recorded>builder((name, broker) -> {
            log.add("started " + name);
            return new Recorded(name, broker, log);
        }).broker(kind).start();
        try (fleet) {
            fleet.start("a", "b");
            assertEquals(fleet.uri(), fleet.node("a").broker());
            assertEquals(List.of("a", "b"), List.copyOf(fleet.nodes().keySet()));
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> fleet.start("a"));
            assertEquals("node a is running already; stop(\"a\") first", twice.getMessage());

            Observer live = fleet.observe("neuromesh/#");
            fleet.publishTopology("{\"rev\":1,\"neurons\":[]}".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(10)).until(() -> live.latest(TestFleet.TOPOLOGY_TOPIC).isPresent());
            assertEquals("{\"rev\":1,\"neurons\":[]}", live.latest(TestFleet.TOPOLOGY_TOPIC).orElseThrow());
            // A later subscriber gets it as a retained message.
            Observer later = fleet.observe(TestFleet.TOPOLOGY_TOPIC);
            await().atMost(Duration.ofSeconds(10)).until(() -> !later.history().isEmpty());
            assertTrue(later.history().get(0).retained(), "the topology is retained");

            fleet.stop("a");
            assertFalse(fleet.nodes().containsKey("a"));
            fleet.start("a");
        }
        assertEquals(List.of("started a", "started b", "closed a", "started a", "closed a", "closed b"), log);
        fleet.close();
        assertEquals(6, log.size(), "close is idempotent");
    }

    @Test
    void aPersistentFleetKeepsRetainedMessagesAcrossABrokerRestart() {
        try (TestFleet<AutoCloseable> fleet = TestFleet.builder((name, broker) -> () -> { }).persistent().start()) {
            fleet.publish("t/kept", "yes".getBytes(StandardCharsets.UTF_8), true);
            Observer before = fleet.observe("t/#");
            await().atMost(Duration.ofSeconds(10)).until(() -> before.latest("t/kept").isPresent());
            fleet.broker().restart();
            Observer after = fleet.observe("t/#");
            await().atMost(Duration.ofSeconds(20)).until(() -> after.latest("t/kept").isPresent());
            assertEquals("yes", after.latest("t/kept").orElseThrow());
        }
    }

    @Test
    void aNodeThatCannotStartFailsWithItsName() {
        try (TestFleet<AutoCloseable> fleet = TestFleet.builder((name, broker) -> {
            throw new java.io.IOException("no such binary");
        }).start()) {
            IllegalStateException failed = assertThrows(IllegalStateException.class, () -> fleet.start("n9"));
            assertEquals("node n9 did not start: no such binary", failed.getMessage());
        }
    }
}
