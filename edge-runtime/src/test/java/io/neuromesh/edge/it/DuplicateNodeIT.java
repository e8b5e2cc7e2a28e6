package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
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
        try (TestBroker broker = TestBrokers.of(kind);
             EdgeRuntime first = EdgeRuntime.builder().node("twin").broker(broker.uri()).build();
             EdgeRuntime second = EdgeRuntime.builder().node("twin").broker(broker.uri()).build()) {
            first.start();
            first.awaitOnline(Duration.ofSeconds(10));
            second.start();
            second.awaitOnline(Duration.ofSeconds(10));
            String reason = first.failure().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(reason.startsWith("node twin stopped: another process connected with the same node id"), reason);
            assertTrue(!second.failure().toCompletableFuture().isDone(), "the newer one keeps running");
        }
    }
}
