package io.neuromesh.cli.it;

import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secured fleet as a user builds it, every step a separate {@code ./neuromesh} process: users added with their
 * passwords on standard input, the broker with authentication on, three edge nodes logged in as nodes, a topology
 * applied by an operator (a viewer's apply is refused, a wrong password too); and a broker that would listen on the
 * network without users refuses to start.
 */
@Timeout(600)
class SecureFleetWalkthroughIT extends WalkthroughBase {

    @TempDir
    Path data;

    private static Map<String, String> password(String user) {
        return Map.of("NEUROMESH_PASSWORD", user + "-password");
    }

    @Test
    void usersNodesAndAnOperatorRunXorAndAViewerCannotChangeIt() throws Exception {
        String dir = data.toString();
        for (String[] user : List.of(new String[] {"alice", "operator"}, new String[] {"eve", "viewer"},
                new String[] {"n1", "node"}, new String[] {"n2", "node"}, new String[] {"n3", "node"})) {
            ManagedProcess.Result add = launcher.run(60, Map.of(), user[0] + "-password\n",
                    "user", "add", user[0], "--role", user[1], "--data", dir);
            assertEquals(0, add.exitCode(), add.output());
        }
        int port = FreePorts.next();
        String broker = "tcp://127.0.0.1:" + port;
        ManagedProcess brokerProcess = launcher.start("broker", "broker", "--port", Integer.toString(port), "--data",
                dir);
        brokerProcess.awaitOutput("authentication: on \\(5 users\\)", STARTUP);
        List<ManagedProcess> edges = new ArrayList<>();
        for (String node : List.of("n1", "n2", "n3")) {
            // One input subscription per connection: each node's second neuron comes in on an input connection,
            // which logs in as the node like its own.
            ManagedProcess edge = launcher.start(node, password(node), null, "edge", "--node", node, "--user", node,
                    "--broker", broker, "--no-worker", "--input-filters-per-connection", "1");
            edge.awaitOutput("node " + node + " connected to", STARTUP);
            edges.add(edge);
        }

        ManagedProcess.Result viewer = launcher.run(60, password("eve"), null,
                "topology", "apply", "examples/xor.json", "--broker", broker, "--user", "eve");
        assertNotEquals(0, viewer.exitCode(), viewer.output());
        assertTrue(viewer.output().contains("viewer 'eve' may not publish to neuromesh/topology"), viewer.output());

        ManagedProcess.Result wrong = launcher.run(60, Map.of("NEUROMESH_PASSWORD", "guess"), null,
                "nodes", "--broker", broker, "--user", "alice");
        assertEquals(1, wrong.exitCode(), wrong.output());
        assertTrue(wrong.output().contains("the broker refused the user 'alice': bad user name or password"),
                wrong.output());

        ManagedProcess.Result apply = launcher.run(60, password("alice"), null,
                "topology", "apply", "examples/xor.json", "--broker", broker, "--user", "alice");
        assertEquals(0, apply.exitCode(), apply.output());

        assertEquals(0, launcher.run(60, password("alice"), null, "send", "x", "--from", "sensor_x", "--value", "1",
                "--broker", broker, "--user", "alice").exitCode());
        await().atMost(STARTUP).untilAsserted(() -> {
            ManagedProcess.Result z = launcher.run(60, password("eve"), null, "inspect", "z", "--json",
                    "--broker", broker, "--user", "eve");
            assertTrue(z.output().matches("(?s).*\"output\"\\s*:\\s*1\\b.*"), z.output());
        });
        for (ManagedProcess edge : edges) {
            assertTrue(edge.output().contains("1 input connection opened"), edge.output());
            assertFalse(edge.output().contains("could not open an input connection"), edge.output());
        }
        assertFalse(brokerProcess.output().contains("may not use it"), brokerProcess.output());
    }

    @Test
    void aBrokerOnEveryInterfaceWithoutUsersExitsWithTheReason() throws Exception {
        int port = FreePorts.next();
        ManagedProcess.Result open = launcher.run(120, "broker", "--bind", "0.0.0.0", "--port",
                Integer.toString(port), "--data", data.toString());
        assertNotEquals(0, open.exitCode(), open.output());
        assertTrue(open.output().contains("refusing to listen on 0.0.0.0 with no users in"), open.output());
        assertTrue(open.output().contains("./neuromesh user add <name> --role operator"), open.output());
    }
}
