package io.neuromesh.edge.it;

import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.broker.Role;
import io.neuromesh.broker.UserFile;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.mqtt.Credentials;
import io.neuromesh.mqtt.LoginRefusedException;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.PublishRefusedException;
import io.neuromesh.testkit.fleet.TestFleet;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fleet on a broker with users: three runtimes logged in as nodes n1..n3 run XOR applied by an operator; a viewer
 * watches but can neither change the topology nor drive a pin; a wrong password is refused with a clear message.
 */
@Timeout(180)
class SecureFleetIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    private static Credentials login(String user) {
        return Credentials.of(user, (user + "-password").toCharArray());
    }

    private static FleetClient client(EmbeddedBroker broker, String user) {
        return FleetClient.connect(URI.create(broker.uri()), TIMEOUT, link -> link.credentials(login(user)));
    }

    @Test
    void nodesRunXorAppliedByAnOperatorWhileAViewerOnlyWatches() throws Exception {
        UserFile users = UserFile.in(dataDir);
        users.add("alice", Role.OPERATOR, "alice-password".toCharArray());
        users.add("eve", Role.VIEWER, "eve-password".toCharArray());
        EdgeFleet.NODES.forEach(node -> users.add(node, Role.NODE, (node + "-password").toCharArray()));
        List<EdgeRuntime> runtimes = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).persistence(Persistence.IN_MEMORY)
                .dataDir(dataDir).build()) {
            broker.start();
            for (String node : EdgeFleet.NODES) {
                EdgeRuntime runtime = EdgeRuntime.builder().node(node).broker(broker.uri()).gpio(GpioSetting.MOCK)
                        .link(link -> link.credentials(login(node))).build();
                runtimes.add(runtime);
                runtime.start();
            }
            LoginRefusedException wrong = assertThrows(LoginRefusedException.class, () -> FleetClient.connect(
                    URI.create(broker.uri()), TIMEOUT, link -> link.credentials(Credentials.of("alice",
                            "not-her-password".toCharArray()))));
            assertEquals("the broker refused the user 'alice': bad user name or password", wrong.getMessage());

            try (FleetClient alice = client(broker, "alice"); FleetClient eve = client(broker, "eve")) {
                Map<String, Integer> outputs = new ConcurrentHashMap<>();
                eve.watchOutputs(event -> outputs.put(event.neuron(), event.value()));

                byte[] xor = TestFleet.example("xor.json");
                PublishRefusedException refused = assertThrows(PublishRefusedException.class,
                        () -> eve.publishTopology(xor));
                assertTrue(refused.getMessage().contains("viewer 'eve' may not publish to neuromesh/topology"),
                        refused.getMessage());
                // Nothing was retained: no node got a topology, so a rollout of it finds none applied.
                assertTrue(alice.nodes().values().stream().allMatch(s -> s.running().orElseThrow().rev() == 0),
                        alice.nodes().toString());

                alice.publishTopology(xor);
                Topology published = Topology.parse(xor);
                Map<String, FleetClient.RolloutEvent> rollout = alice.awaitRollout(published.rev(),
                        published.contentHash(), EdgeFleet.NODES, TIMEOUT, e -> { });
                rollout.values().forEach(e -> assertEquals(FleetClient.RolloutEvent.Kind.APPLIED, e.kind()));

                int[][] states = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};
                for (int[] state : states) {
                    alice.send("x", "sensor_x", state[0]);
                    alice.send("y", "sensor_y", state[1]);
                    int z = state[0] ^ state[1];
                    await().atMost(TIMEOUT).until(() -> Integer.valueOf(z).equals(outputs.get("z"))
                            && Integer.valueOf(state[0]).equals(outputs.get("x")));
                }

                MqttLinkException viewerPin = assertThrows(PublishRefusedException.class,
                        () -> eve.gpioSet("n1", 17, true, TIMEOUT));
                assertTrue(viewerPin.getMessage().contains("viewer 'eve' may not publish to"
                        + " neuromesh/nodes/n1/request/gpio-set"), viewerPin.getMessage());
                // The operator's request reaches n1, which answers (pin 17 is no sensor input of the XOR topology).
                assertFalse(alice.gpioSet("n1", 17, true, TIMEOUT).orElseThrow().contains("no answer"));
                FleetClient.FleetLogs logs = eve.logs(java.time.Instant.EPOCH, TIMEOUT);
                assertEquals(List.of(), logs.silent(), "a viewer reads every node's logs");
                assertFalse(logs.events().isEmpty());
            }
        } finally {
            runtimes.forEach(EdgeRuntime::close);
        }
    }
}
