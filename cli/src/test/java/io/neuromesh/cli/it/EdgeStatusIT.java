package io.neuromesh.cli.it;

import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an edge process says about its broker and its peers, as a user sees it: an edge started before its broker
 * says on every attempt that it cannot reach it, and that it runs only once connected; a node killed with
 * {@code kill -9} shows in {@code nodes} as gone since then, confirmed by a peer.
 */
@Timeout(240)
class EdgeStatusIT extends WalkthroughBase {

    /** The offline row's age: {@code 1.2s ago} below ten seconds, {@code 11s ago} above (a loaded machine). */
    private static final Pattern OFFLINE_ROW = Pattern.compile("(?m)^n2\\s+offline\\s.*?(\\d+(?:\\.\\d)?)s ago");

    @Test
    void anEdgeSaysItCannotReachItsBrokerUntilItComesThenAKilledPeerIsDated() throws Exception {
        int port = FreePorts.next();
        String broker = "tcp://127.0.0.1:" + port;
        ManagedProcess n1 = launcher.start("n1", "edge", "--node", "n1", "--broker", broker, "--no-worker");
        String refused = "WARN: node n1: cannot reach the broker at " + broker.replace(".", "\\.")
                + " \\(connection refused\\); retrying in \\d";
        // If n1 connected here, something else answered on the free port (a parallel build).
        await().atMost(STARTUP).until(() -> Pattern.compile(refused).matcher(n1.output()).results().count() >= 3);
        assertFalse(n1.output().contains("running"), n1.output());
        assertFalse(n1.output().contains("Untranslated"), n1.output());

        launcher.start("broker", "broker", "--port", Integer.toString(port), "--in-memory")
                .awaitOutput("broker listening on tcp://127\\.0\\.0\\.1:" + port, STARTUP);
        n1.awaitOutput("node n1 connected to " + broker.replace(".", "\\.") + "; running", STARTUP);

        ManagedProcess n2 = launcher.start("n2", "edge", "--node", "n2", "--broker", broker, "--no-worker");
        n2.awaitOutput("node n2 connected to", STARTUP);
        await().atMost(STARTUP).until(() -> launcher.run(60, "nodes", "--broker", broker).output()
                .matches("(?s).*n2\\s+online.*"));
        Instant killed = Instant.now();
        n2.kill9();
        await().atMost(STARTUP).untilAsserted(() -> {
            String json = launcher.run(60, "nodes", "--json", "--broker", broker).output();
            assertTrue(Pattern.compile("\"node\"\\s*:\\s*\"n2\"[^}]*\"reason\"\\s*:\\s*\"connection lost\""
                    + "[^}]*\"reportedBy\"\\s*:\\s*\"n1\"").matcher(json).find(), json);
        });
        ManagedProcess.Result nodes = launcher.run(60, "nodes", "--broker", broker);
        Matcher row = OFFLINE_ROW.matcher(nodes.output());
        assertTrue(row.find(), nodes.output());
        double agoSeconds = Double.parseDouble(row.group(1));
        assertTrue(agoSeconds <= Duration.between(killed, Instant.now()).toMillis() / 1000.0 + 0.1,
                "n2 went offline when it was killed, not when it connected: " + nodes.output());
        assertEquals(0, nodes.exitCode(), nodes.output());
    }
}
