package io.neuromesh.cli.it;

import io.neuromesh.broker.MosquittoBroker;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/security.md's "Mosquitto" section, followed: a real mosquitto runs the page's {@code mosquitto.conf} and
 * {@code acl} ({@code docker/mosquitto/}, which the page shows verbatim) with a password file made by
 * {@code mosquitto_passwd} and the certificates of {@code certs init}; three edge nodes log in as node users over TLS,
 * an operator applies XOR and it computes; a viewer's apply, a node's write to another node's status, an anonymous
 * client and a wrong password are refused.
 */
@Timeout(600)
class SecureMosquittoIT extends WalkthroughBase {

    private static final List<String> NODES = List.of("n1", "n2", "n3");

    @TempDir
    Path work;

    @Test
    void theSecurityPageShowsTheMosquittoFilesAsTheyAre() throws IOException {
        Path root = launcher.root();
        String page = Files.readString(root.resolve("docs/security.md"), StandardCharsets.UTF_8);
        for (String name : List.of("mosquitto.conf", "acl")) {
            String link = "(../docker/mosquitto/" + name + ")";
            int at = page.indexOf(link);
            assertTrue(at >= 0, "docs/security.md does not link " + link);
            int start = page.indexOf("```text\n", at) + "```text\n".length();
            String block = page.substring(start, page.indexOf("```\n", start));
            assertEquals(Files.readString(root.resolve("docker/mosquitto").resolve(name), StandardCharsets.UTF_8),
                    block, "the block after " + link + " in docs/security.md must equal the file");
        }
    }

    @Test
    void aFleetOnMosquittoWithThePageRolesRunsXorAndRefusesWhatTheRolesForbid() throws Exception {
        Path mosquittoBinary = MosquittoBroker.binary().orElse(null);
        Assumptions.assumeTrue(mosquittoBinary != null, MosquittoBroker.MISSING);
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : List.of("alice", "dashboard", "n1", "n2", "n3")) {
            passwords.put(user, UUID.randomUUID().toString());
        }
        Path neuromeshData = work.resolve("neuromesh");
        ManagedProcess.Result certs = launcher.run(60, "certs", "init", "--data", neuromeshData.toString());
        assertEquals(0, certs.exitCode(), certs.output());

        Path etc = Files.createDirectories(work.resolve("etc"));
        int plainPort = FreePorts.next();
        int tlsPort = FreePorts.next();
        installMosquittoFiles(etc, neuromeshData.resolve("tls"), plainPort, tlsPort, passwords);
        ManagedProcess mosquitto = ManagedProcess.start("mosquitto",
                List.of(mosquittoBinary.toString(), "-c", etc.resolve("mosquitto.conf").toString()), etc,
                work.resolve("mosquitto.log"));
        try {
            mosquitto.awaitOutput("mosquitto version \\S+ running", STARTUP);
            String broker = "ssl://localhost:" + tlsPort;
            String ca = etc.resolve("certs/ca.crt").toString();

            for (String node : NODES) {
                launcher.start(node, password(passwords, node), null, "edge", "--node", node, "--user", node,
                        "--broker", broker, "--ca", ca).awaitOutput("node " + node + " connected to", STARTUP);
            }

            ManagedProcess.Result anonymous = launcher.run(60, "nodes", "--broker", broker, "--ca", ca);
            assertEquals(1, anonymous.exitCode(), anonymous.output());
            assertTrue(anonymous.output().contains("refused an anonymous connection"), anonymous.output());

            ManagedProcess.Result wrong = launcher.run(60, Map.of("NEUROMESH_PASSWORD", "guess"), null,
                    "nodes", "--broker", broker, "--ca", ca, "--user", "alice");
            assertEquals(1, wrong.exitCode(), wrong.output());
            // Mosquitto says "not authorized" for a wrong password, not "bad user name or password".
            assertTrue(wrong.output().contains("the broker refused the user 'alice': not authorized (a wrong password,"
                    + " an unknown user, or a client id this user may not use)"),
                    wrong.output());

            ManagedProcess.Result viewer = launcher.run(60, password(passwords, "dashboard"), null,
                    "topology", "apply", "examples/xor.json", "--broker", broker, "--ca", ca, "--user", "dashboard");
            assertNotEquals(0, viewer.exitCode(), viewer.output());
            // Mosquitto answers PUBACK 0x87 without a reason string: the CLI says the code's meaning.
            assertTrue(viewer.output().contains("not published: the broker refused the publish to neuromesh/topology:"
                    + " not authorized (reason code 0x87)"), viewer.output());

            ManagedProcess.Result apply = launcher.run(60, password(passwords, "alice"), null,
                    "topology", "apply", "examples/xor.json", "--broker", broker, "--ca", ca, "--user", "alice");
            assertEquals(0, apply.exitCode(), apply.output());
            for (int[] step : new int[][] {{1, 0, 1}, {1, 1, 0}}) {
                send(passwords, broker, ca, "x", step[0]);
                send(passwords, broker, ca, "y", step[1]);
                int z = step[2];
                await().atMost(STARTUP).untilAsserted(() -> {
                    ManagedProcess.Result inspect = launcher.run(60, password(passwords, "dashboard"), null,
                            "inspect", "z", "--json", "--broker", broker, "--ca", ca, "--user", "dashboard");
                    assertTrue(inspect.output().matches("(?s).*\"output\"\\s*:\\s*" + z + "\\b.*"),
                            inspect.output());
                });
            }

            // n1 speaks for n2 through the loopback listener, as a tool on the broker's machine would.
            String fake = mosquittoClient("mosquitto_pub", plainPort, "n1", passwords, "-V", "5", "-q", "1", "-r",
                    "-t", "neuromesh/nodes/n2/status", "-m", "{\"fake\":true}");
            assertTrue(fake.contains("Not authorized"), fake);
            String n2 = mosquittoClient("mosquitto_sub", plainPort, "dashboard", passwords, "-t",
                    "neuromesh/nodes/n2/status", "-C", "1", "-W", "10");
            assertFalse(n2.contains("fake"), n2);
            assertTrue(n2.contains("n2"), n2);

            // A node never publishes the topology; the retained one stays the operator's.
            String nodeTopology = mosquittoClient("mosquitto_pub", plainPort, "n1", passwords, "-V", "5", "-q", "1",
                    "-r", "-t", "neuromesh/topology", "-m", "{\"rev\":99,\"neurons\":[]}");
            assertTrue(nodeTopology.contains("Not authorized"), nodeTopology);
            String retained = mosquittoClient("mosquitto_sub", plainPort, "dashboard", passwords, "-t",
                    "neuromesh/topology", "-C", "1", "-W", "10");
            assertFalse(retained.contains("\"rev\":99"), retained);
            assertTrue(retained.contains("\"neurons\""), retained);

            // A viewer reads the outputs, but switches nothing and queues no task.
            String outputs = mosquittoClient("mosquitto_sub", plainPort, "dashboard", passwords, "-v", "-t",
                    "neuron/z/output", "-C", "1", "-W", "10");
            assertTrue(outputs.startsWith("neuron/z/output "), outputs);
            ManagedProcess.Result gpio = launcher.run(60, password(passwords, "dashboard"), null,
                    "gpio", "set", "--node", "n1", "--pin", "17", "high", "--broker", broker, "--ca", ca, "--user", "dashboard");
            assertNotEquals(0, gpio.exitCode(), gpio.output());
            assertTrue(gpio.output().contains("not authorized"), gpio.output());
            String task = mosquittoClient("mosquitto_pub", plainPort, "dashboard", passwords, "-V", "5", "-q", "1",
                    "-t", "neuromesh/tasks/default", "-m", "{}");
            assertTrue(task.contains("Not authorized"), task);
        } finally {
            mosquitto.stop();
        }
    }

    private static Map<String, String> password(Map<String, String> passwords, String user) {
        return Map.of("NEUROMESH_PASSWORD", passwords.get(user));
    }

    private void send(Map<String, String> passwords, String broker, String ca, String neuron, int value)
            throws IOException, InterruptedException {
        ManagedProcess.Result sent = launcher.run(60, password(passwords, "alice"), null, "send", neuron, "--from",
                "sensor_" + neuron, "--value", Integer.toString(value), "--broker", broker, "--ca", ca, "--user",
                "alice");
        assertEquals(0, sent.exitCode(), sent.output());
    }

    /**
     * The page's files in {@code etc} as the page installs them in {@code /etc/mosquitto} (and the database in
     * {@code /var/lib/mosquitto}): only the folders and the two ports change, and mosquitto stays the user running the
     * test (as root it would switch to the user "mosquitto", who cannot read a test's temporary folder).
     */
    private void installMosquittoFiles(Path etc, Path tls, int plainPort, int tlsPort, Map<String, String> passwords)
            throws IOException, InterruptedException {
        Path source = launcher.root().resolve("docker/mosquitto");
        String conf = Files.readString(source.resolve("mosquitto.conf"), StandardCharsets.UTF_8);
        String local = conf.replace("/etc/mosquitto/", etc + "/")
                .replace("/var/lib/mosquitto/", Files.createDirectories(etc.resolve("data")) + "/")
                .replace("listener 1883 127.0.0.1\n", "listener " + plainPort + " 127.0.0.1\n")
                .replace("listener 8883\n", "listener " + tlsPort + "\n");
        // password_file, acl_file, the three TLS files, persistence_location and the two listeners.
        assertEquals(8, countChanges(conf, local), "the folders or ports of mosquitto.conf moved:\n" + conf);
        Files.writeString(etc.resolve("mosquitto.conf"), local + "user " + System.getProperty("user.name") + "\n",
                StandardCharsets.UTF_8);
        Files.copy(source.resolve("acl"), etc.resolve("acl"));
        Path certs = Files.createDirectories(etc.resolve("certs"));
        for (String file : List.of("ca.crt", "broker.crt", "broker.key")) {
            Files.copy(tls.resolve(file), certs.resolve(file));
        }
        boolean first = true;
        for (Map.Entry<String, String> user : passwords.entrySet()) {
            List<String> command = new ArrayList<>(List.of("mosquitto_passwd"));
            if (first) {
                command.add("-c");
            }
            command.addAll(List.of("-b", etc.resolve("passwd").toString(), user.getKey(), user.getValue()));
            first = false;
            Process passwd = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(passwd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(passwd.waitFor(30, TimeUnit.SECONDS) && passwd.exitValue() == 0, output);
        }
    }

    /** How many lines differ between the page's file and the test's copy. */
    private static long countChanges(String page, String local) {
        List<String> a = page.lines().toList();
        List<String> b = local.lines().toList();
        return java.util.stream.IntStream.range(0, a.size()).filter(i -> !a.get(i).equals(b.get(i))).count();
    }

    /** Runs mosquitto_pub or mosquitto_sub against the loopback listener as {@code user}; returns what it printed. */
    private static String mosquittoClient(String tool, int port, String user, Map<String, String> passwords,
                                          String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool, "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-u", user, "-P", passwords.get(user)));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), tool + " did not exit: " + output);
        return output;
    }
}
