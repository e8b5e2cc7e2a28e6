package io.neuromesh.cli.it;

import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.broker.SiteBroker;
import io.neuromesh.testkit.broker.TcpRelay;
import io.neuromesh.testkit.process.Cleanup;
import io.neuromesh.testkit.process.ManagedProcess;
import io.neuromesh.testkit.process.MosquittoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/federation.md as a user tries it, every process through the launcher: site A on Neuromesh's own broker with
 * users (nodes n1 and n2 log in as nodes; site B's bridge as an operator, the role docs/federation.md names), site B a
 * mosquitto from {@code docker/bridge/site-b.conf} (only port, folder, address and the bridge's user added) with n3.
 * The XOR of {@code xor-sites.json} is applied from site B; an input at site B reaches x at site A and z at site B
 * turns 1; a word count started at site A runs on the workers of both sites. With the link between the sites cut (a
 * relay in front of site A), site A's tools show n3 as its peers count it: {@code nodes} and {@code workers} say it is
 * silent, {@code logs} says why n3's events are missing, a word count uses the two workers it still hears and does not
 * wait for n3, and an apply does not wait for n3 and says why. Restored, n3 runs the rev applied meanwhile. (Two
 * mosquitto sites from {@code docker/bridge/} run in {@code BridgedSitesIT}.)
 */
@Timeout(300)
class BridgedSitesWalkthroughIT extends WalkthroughBase {

    private static final String FABLES = "flows/src/test/resources/wordcount/fables.txt";

    private TcpRelay link;
    private SiteBroker siteB;

    @AfterEach
    void stopBrokers() {
        Cleanup.closeAll(siteB, link);
    }

    @Test
    void toolsAtOneSiteSeeTheOtherSiteAndSayWhenItIsCutOff(@TempDir Path dir) throws Exception {
        // Site A runs Neuromesh's own broker with authentication on; the bridge logs in with a user of its own, an
        // operator: the one role that may carry every fleet topic both ways (with a viewer this test fails).
        String data = dir.resolve("site-a").toString();
        for (String[] user : List.of(new String[] {"alice", "operator"}, new String[] {"bridge-b", "operator"},
                new String[] {"n1", "node"}, new String[] {"n2", "node"})) {
            ManagedProcess.Result add = launcher.run(60, Map.of(), user[0] + "-password\n", "user", "add", user[0],
                    "--role", user[1], "--data", data);
            assertEquals(0, add.exitCode(), add.output());
        }
        int portA = FreePorts.next();
        launcher.start("site-a", "broker", "--port", Integer.toString(portA), "--data", data)
                .awaitOutput("authentication: on \\(4 users\\)", STARTUP);
        link = new TcpRelay(portA);
        siteB = SiteBroker.start("site-b.conf", dir, link.port(), "remote_username bridge-b",
                "remote_password bridge-b-password");
        String brokerA = "tcp://127.0.0.1:" + portA;
        String brokerB = "tcp://127.0.0.1:" + siteB.port();
        Map<String, String> alice = password("alice");
        // Every node's status crosses the bridge: site B hears site A's nodes too.
        try (MosquittoClients.Subscriber statuses = MosquittoClients.subscribe(siteB.port(),
                "neuromesh/nodes/+/status")) {
            for (String node : List.of("n1", "n2")) {
                launcher.start(node, password(node), null, "edge", "--node", node, "--user", node, "--broker",
                        brokerA);
            }
            launcher.start("n3", "edge", "--node", "n3", "--broker", brokerB);
            statuses.awaitOnline(STARTUP, "n1", "n2", "n3");
        }

        ManagedProcess.Result apply = launcher.run(60, "topology", "apply", "examples/xor-sites.json", "--broker",
                brokerB);
        assertEquals(0, apply.exitCode(), apply.output());
        assertTrue(Pattern.compile("placement settled in [0-9.]+ s: every neuron on one node \\(n1: [a-z0-9 ]+; n2:"
                + " [a-z0-9 ]+; n3: z\\)").matcher(apply.output()).find(), apply.output());

        // An input at site B reaches x at site A; z, at site B again, computes XOR from what site A's neurons sent.
        try (MosquittoClients.Subscriber z = MosquittoClients.subscribe(siteB.port(), "neuron/z/output")) {
            MosquittoClients.publish(siteB.port(), "neuron/x", "{\"from\":\"sensor_x\",\"value\":1}", false);
            String line;
            do {
                line = z.next(STARTUP);
            } while (line != null && !line.contains("\"value\":1"));
            assertTrue(line != null && line.contains("\"node\":\"n3\""), "z at site B turned 1: " + line);
        }

        // A word count at site A runs on the workers of both sites (tasks go to each worker's own topic, bridged).
        String both = launcher.run(60, alice, null, "flow", "wordcount", FABLES, "--chunk", "100", "--broker",
                brokerA, "--user", "alice").output();
        assertTrue(Pattern.compile("22 tasks \\(100 per task\\), on 3 workers \\(n1 \\d+, n2 \\d+, n3 \\d+\\)")
                .matcher(both).find(), both);
        assertTrue(both.contains("     15  Mouse\n"), both);

        link.cut();
        // n1 and n2 count n3 gone after its silence allowance (3.5 s); so does every tool at site A. (Asked before
        // that, `nodes` rightly says online: each ask is a JVM, so the first comes when the allowance is over.)
        await().pollDelay(Duration.ofMillis(3500)).atMost(STARTUP).until(() -> launcher.run(60, alice, null, "nodes",
                "--broker", brokerA, "--user", "alice").output().matches("(?s).*\\nn3 +silent +0 .*"));
        String workers = launcher.run(60, alice, null, "workers", "--broker", brokerA, "--user", "alice").output();
        assertTrue(Pattern.compile("(?m)^n3 +silent +default ").matcher(workers).find(), workers);
        assertTrue(Pattern.compile("(?m)^n1 +online +default ").matcher(workers).find(), workers);

        // logs asks the nodes its site hears and says why n3's events are missing, at once and with exit 0.
        ManagedProcess.Result logs = launcher.run(60, alice, null, "logs", "--broker", brokerA, "--user", "alice");
        assertEquals(0, logs.exitCode(), logs.output());
        assertTrue(Pattern.compile("\\nn3: silent \\(last status [0-9.]+[smh] ago\\): its peers count it offline;"
                + " its events are not shown\\n").matcher(logs.output()).find(), logs.output());

        String alone = launcher.run(60, alice, null, "flow", "wordcount", FABLES, "--chunk", "100", "--broker",
                brokerA, "--user", "alice", "--verbose").output();
        assertTrue(Pattern.compile("on 2 workers \\(n1 \\d+, n2 \\d+\\)").matcher(alone).find(), alone);
        assertFalse(alone.contains("worker n3"), "no task was sent to n3 and taken back: " + alone);

        Path rev2 = Files.writeString(dir.resolve("xor-sites-2.json"), Files.readString(
                launcher.root().resolve("examples/xor-sites.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"rev\": 1", "\"rev\": 2").replace("\"threshold\": 1.9", "\"threshold\": 1.8"));
        ManagedProcess.Result cutOff = launcher.run(60, alice, null, "topology", "apply", rev2.toString(), "--broker",
                brokerA, "--user", "alice");
        String out = cutOff.output();
        assertEquals(0, cutOff.exitCode(), out);
        assertTrue(Pattern.compile("\\n  n3 +silent \\(last status [0-9.]+[smh] ago\\): its peers count it offline; not"
                + " waited for\\n").matcher(out).find(), out);
        assertTrue(Pattern.compile("\\n  n1 +applied rev 2, ").matcher(out).find(), out);
        assertTrue(Pattern.compile("\\n  n2 +applied rev 2, ").matcher(out).find(), out);
        assertFalse(out.contains("came online"), out);

        // The link back: n3 is heard again, takes z back and runs rev 2, which crossed the bridge.
        link.restore();
        await().atMost(STARTUP).until(() -> launcher.run(60, alice, null, "nodes", "--broker", brokerA, "--user",
                "alice").output().matches("(?s).*\\nn3 +online +1 \\(z\\) +2 .*"));
    }

    private static Map<String, String> password(String user) {
        return Map.of("NEUROMESH_PASSWORD", user + "-password");
    }
}
