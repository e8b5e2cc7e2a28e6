package io.neuromesh.cli.it;

import io.neuromesh.testkit.process.ManagedProcess;
import io.neuromesh.testkit.process.MosquittoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fleet operations with the broker and three runtimes as OS processes: crash, graceful stop, broker restart, a node
 * frozen past its heartbeat timeout, and a node that rejects a topology.
 */
@Timeout(300)
class FleetFailoverIT {

    private static final Set<String> ALL = Set.of("n1", "n2", "n3");
    private static final String AUTO = "examples/xor-auto.json";

    private static FleetHarness fleet(String topology, String... n3Args) throws Exception {
        FleetHarness fleet = new FleetHarness();
        fleet.startBroker();
        fleet.startEdge("n1");
        fleet.startEdge("n2");
        fleet.startEdge("n3", n3Args);
        fleet.connectClient();
        fleet.awaitOnline(ALL, FleetHarness.STARTUP);
        if (topology != null) {
            ManagedProcess.Result apply = fleet.cli("topology", "apply", topology);
            assertEquals(0, apply.exitCode(), apply.output());
        }
        return fleet;
    }

    private static Set<String> without(String node) {
        Set<String> nodes = new TreeSet<>(ALL);
        nodes.remove(node);
        return nodes;
    }

    @Test
    void aKilledRuntimesNeuronsAreHostedAgainAndXorIsRightAgainWithinASecond() throws Exception {
        try (FleetHarness fleet = fleet(AUTO)) {
            fleet.awaitPlacement(AUTO, ALL, Duration.ofSeconds(10));
            fleet.expectXor(1, 0);
            List<Double> hostedAgain = new ArrayList<>();
            List<Double> rightAgain = new ArrayList<>();
            for (String victim : List.of("n1", "n2", "n3")) {
                fleet.expectXor(1, 0);
                long t0 = System.nanoTime();
                fleet.edges.get(victim).kill9();
                fleet.awaitPlacement(AUTO, without(victim), Duration.ofSeconds(5));
                hostedAgain.add((System.nanoTime() - t0) / 1e6);
                fleet.expectXor(1, 1);
                rightAgain.add((System.nanoTime() - t0) / 1e6);
                fleet.expectXor(0, 1);

                fleet.startEdge(victim);
                fleet.awaitOnline(ALL, FleetHarness.STARTUP);
                fleet.awaitPlacement(AUTO, ALL, Duration.ofSeconds(10));
                fleet.expectXor(0, 0);
            }
            Collections.sort(hostedAgain);
            Collections.sort(rightAgain);
            System.out.printf("kill -9 failover: all neurons hosted again after %s ms (median %.0f ms); "
                    + "XOR right again after %s ms (median %.0f ms)%n", hostedAgain, hostedAgain.get(1), rightAgain,
                    rightAgain.get(1));
            assertTrue(rightAgain.get(1) <= 1000, "median time to a correct XOR after kill -9: " + rightAgain);
        }
    }

    @Test
    void sigtermHandsTheNeuronsOverWithoutAWrongZ() throws Exception {
        try (FleetHarness fleet = fleet(AUTO)) {
            Map<String, String> hosts = fleet.awaitPlacement(AUTO, ALL, Duration.ofSeconds(10));
            fleet.expectXor(1, 0);
            String victim = hosts.get("z");
            fleet.zOutputs.clear();
            fleet.edges.get(victim).stop();
            Map<String, String> after = fleet.awaitPlacement(AUTO, without(victim), Duration.ofSeconds(10));
            Thread.sleep(500);
            for (long[] z : fleet.zOutputs) {
                assertEquals(1, z[0], "z stayed 1 through the handover; z outputs " + fleet.zOutputs.size());
            }
            assertTrue(!after.get("z").equals(victim));
            fleet.expectXor(1, 1);
            fleet.expectXor(0, 1);
        }
    }

    @Test
    void aBrokerRestartLosesNoQos1InputAndEveryNodeComesBack() throws Exception {
        MosquittoClients.assumeInstalled();
        try (FleetHarness fleet = fleet("examples/xor.json")) {
            fleet.expectXor(1, 0);
            fleet.expectXor(0, 1);
            // n1 hosts x: freeze it, so the next input to x is still in its session when the broker goes down.
            ManagedProcess n1 = fleet.edges.get("n1");
            n1.signal("STOP");
            MosquittoClients.publish(fleet.port, "neuron/x", "{\"from\":\"sensor_x\",\"value\":1}", false);
            fleet.brokerProcess.stop();
            fleet.startBroker();
            n1.signal("CONT");
            fleet.awaitOnline(ALL, FleetHarness.STARTUP);
            fleet.awaitOutput("z", 0, Duration.ofSeconds(30));
            fleet.expectXor(1, 0);
            fleet.expectXor(0, 0);
        }
    }

    @Test
    void aNodeFrozenPastItsTimeoutRejoinsAndNoNeuronIsHostedTwice() throws Exception {
        try (FleetHarness fleet = fleet(AUTO)) {
            Map<String, String> before = fleet.awaitPlacement(AUTO, ALL, Duration.ofSeconds(10));
            String victim = before.values().stream().max((a, b) -> Long.compare(
                    before.values().stream().filter(a::equals).count(),
                    before.values().stream().filter(b::equals).count())).orElseThrow();
            fleet.edges.get(victim).signal("STOP");
            fleet.awaitPlacement(AUTO, without(victim), Duration.ofSeconds(10));
            Thread.sleep(2000);
            fleet.edges.get(victim).signal("CONT");
            fleet.awaitOnline(ALL, Duration.ofSeconds(30));
            Map<String, String> converged = fleet.awaitPlacement(AUTO, ALL, Duration.ofSeconds(15));
            Thread.sleep(2000);
            assertEquals(converged, fleet.awaitPlacement(AUTO, ALL, Duration.ofSeconds(1)),
                    "stable, each neuron hosted once");
            assertEquals(before, converged, "placement returned to where it was");
            fleet.expectXor(1, 0);
            fleet.expectXor(1, 1);
        }
    }

    @Test
    void applyReportsANodeThatRejectsTheTopologyAndExitsNonZero() throws Exception {
        try (FleetHarness fleet = fleet(null, "--gpio", "off")) {
            ManagedProcess.Result apply = fleet.cli("topology", "apply", "examples/xor-gpio.json");
            assertEquals(1, apply.exitCode(), apply.output());
            assertTrue(apply.output().contains("n3         rejected"), apply.output());
            assertTrue(apply.output().contains("actuators[0].node: node n3 has no GPIO (it runs with --gpio off)"),
                    apply.output());
            assertTrue(apply.output().contains("n1         applied rev 1"), apply.output());
            assertTrue(apply.output().contains("rev 1 is not running on every online node"), apply.output());
        }
    }
}
