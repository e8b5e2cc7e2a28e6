package io.neuromesh.edge.it;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.internal.placement.Placement;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.TestFleet;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.neuromesh.edge.it.EdgeFleet.applyOk;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --will-hold}: a node counts a killed peer's Last Will only after its hold, and never later than the peer's
 * silence allowance (3.5 s by default). n1 holds Wills for ten minutes, n2 not at all; n3 is killed.
 */
@Timeout(120)
class WillHoldIT {

    private static NodeStarter<EdgeRuntime> holding(Duration hold) {
        return EdgeFleet.runtimes((name, config) -> config.gpio(GpioSetting.DEFAULT).willHold(hold));
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aKilledPeersNeuronsMoveAfterEachNodesHoldAndNoLaterThanItsSilenceAllowance(BrokerKind kind) {
        byte[] json = TestFleet.example("xor-auto.json");
        Topology topology = Topology.parse(json);
        List<String> toN1 = moving(topology, "n1");
        List<String> toN2 = moving(topology, "n2");
        assertFalse(toN1.isEmpty() || toN2.isEmpty(), "n3's neurons go to both survivors: " + toN1 + " " + toN2);
        try (TestFleet<EdgeRuntime> fleet = TestFleet.builder(holding(EdgeConfig.DEFAULT_WILL_HOLD)).broker(kind).start();
             FleetClient client = EdgeFleet.client(fleet)) {
            fleet.start("n1", holding(Duration.ofMinutes(10)));
            fleet.start("n2", holding(Duration.ZERO));
            fleet.start("n3");
            applyOk(fleet, client, json, 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> hosted(fleet, "n3").containsAll(toN1)
                    && hosted(fleet, "n3").containsAll(toN2));

            fleet.node("n3").abort();
            await("n2 (no hold) takes its share at once").atMost(Duration.ofSeconds(2))
                    .until(() -> hosted(fleet, "n2").containsAll(toN2));
            // n3's last heartbeat was at most 1 s before the kill, so its silence counts 2.5-3.5 s after it.
            await("n1 holds n3's Will").during(Duration.ofMillis(1_800)).atMost(Duration.ofSeconds(2))
                    .until(() -> hosted(fleet, "n1").stream().noneMatch(toN1::contains));
            await("n1 takes its share once n3's silence allowance has passed").atMost(Duration.ofSeconds(10))
                    .until(() -> hosted(fleet, "n1").containsAll(toN1));
            Set<String> all = new HashSet<>(hosted(fleet, "n1"));
            all.addAll(hosted(fleet, "n2"));
            assertEquals(6, all.size(), all.toString());
            assertTrue(hosted(fleet, "n1").stream().noneMatch(hosted(fleet, "n2")::contains));
        }
    }

    /** The neurons n3 hosts that placement gives to {@code survivor} once n3 is gone. */
    private static List<String> moving(Topology topology, String survivor) {
        Set<String> onN3 = Set.copyOf(Placement.assign(topology, List.of("n1", "n2", "n3")).neuronsOn("n3"));
        return Placement.assign(topology, List.of("n1", "n2")).neuronsOn(survivor).stream()
                .filter(onN3::contains).toList();
    }

    private static Set<String> hosted(TestFleet<EdgeRuntime> fleet, String node) {
        return fleet.node(node).hostedNeurons();
    }
}
