package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two processes started with the same node id: the older one stops with a clear reason instead of flapping. */
@Timeout(60)
class DuplicateNodeIT {

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void theRuntimeWhoseSessionIsTakenOverStopsWithAReason(BrokerKind kind) throws Exception {
        // Both processes claim node id "twin"; the fleet tells them apart by their fleet names.
        NodeStarter<EdgeRuntime> twin = (name, broker) -> {
            EdgeRuntime runtime = EdgeRuntime.builder().node("twin").broker(broker).build();
            runtime.start();
            return runtime;
        };
        try (TestFleet<EdgeRuntime> fleet = TestFleet.builder(twin).broker(kind).start()) {
            EdgeRuntime first = fleet.start("first");
            EdgeRuntime second = fleet.start("second");
            String reason = first.failure().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(reason.startsWith("node twin stopped: another process connected with the same node id"), reason);
            assertTrue(!second.failure().toCompletableFuture().isDone(), "the newer one keeps running");
        }
    }
}
