package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two processes started with the same node id: one stops with a clear reason instead of flapping. */
@Timeout(60)
class DuplicateNodeIT {

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void theRuntimeWhoseSessionIsTakenOverStopsWithAReason(BrokerKind kind) throws Exception {
        // Both processes claim node id "twin"; the fleet tells them apart by their fleet names.
        NodeStarter<EdgeRuntime> twin = EdgeFleet.runtimes((name, config) -> config.node("twin"));
        try (TestFleet<EdgeRuntime> fleet = TestFleet.builder(twin).broker(kind).start()) {
            EdgeRuntime first = fleet.start("first");
            EdgeRuntime second = fleet.start("second");
            // The newer one normally keeps the id: the broker tells the older one its session was taken over. When
            // that DISCONNECT is lost with the socket (seen on Mosquitto beside another test class), the older one
            // reconnects and the newer one is told instead. Either way exactly one stops, with the reason.
            await().atMost(Duration.ofSeconds(15)).until(() -> first.failure().toCompletableFuture().isDone()
                    || second.failure().toCompletableFuture().isDone());
            EdgeRuntime stopped = first.failure().toCompletableFuture().isDone() ? first : second;
            EdgeRuntime running = stopped == first ? second : first;
            String reason = stopped.failure().toCompletableFuture().getNow("");
            assertTrue(reason.startsWith("node twin stopped: another process connected with the same node id"), reason);
            // No flapping: the survivor stays up. 3 s is three heartbeats and more than the reconnect backoff's
            // first steps, so a survivor that was kicked in turn would have stopped by then.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> !running.failure().toCompletableFuture().isDone());
        }
    }
}
