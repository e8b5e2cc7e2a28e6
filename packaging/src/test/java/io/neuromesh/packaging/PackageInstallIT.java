package io.neuromesh.packaging;

import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.process.Launcher;
import io.neuromesh.testkit.process.ManagedProcess;
import io.neuromesh.testkit.process.MosquittoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Installs both packages with dpkg on this machine, runs the installed {@code /usr/bin/neuromesh} as a broker and
 * three edge nodes with Maven out of reach, checks XOR end to end and the installed units, then removes (data kept)
 * and purges (data gone). Root only, and only where dpkg is: it writes to /usr, /etc and /var/lib, so run it on a
 * throwaway machine (CI). Java comes from /usr/lib/jvm here, not from a distribution package, so dpkg is told to
 * install despite the missing Java dependency ({@code --force-depends}); nothing else is forced.
 */
@Timeout(600)
class PackageInstallIT {

    /** Two runs on one machine would install over each other: one at a time, across processes. */
    private static final Path LOCK = Path.of("/tmp/neuromesh-dpkg.lock");
    private static final Path INSTALLED = Path.of("/usr/bin/neuromesh");
    private static final Path DATA = Path.of("/var/lib/neuromesh");
    private static final Path CONFIG = Path.of("/etc/neuromesh/neuromesh.conf");
    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** How long z must stay unchanged to count as settled: the XOR net's transients pass within a few ms. */
    private static final Duration QUIET = Duration.ofMillis(500);

    @TempDir
    Path temp;

    @Test
    void installRunXorVerifyUnitsRemoveAndPurge() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "installs packages into /usr: runs as root only");
        // A developer's machine is not throwaway: only a CI machine (.ci/run sets this) gets packages installed.
        assumeTrue("1".equals(System.getenv("NEUROMESH_INSTALL_TESTS")),
                "installs and purges packages: runs only with NEUROMESH_INSTALL_TESTS=1 (set by .ci/run)");
        assumeTrue(Built.run("sh", "-c", "command -v dpkg").exitCode() == 0, "dpkg is not installed");
        MosquittoClients.assumeInstalled();
        try (FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            ManagedProcess.Result status = Built.run("dpkg-query", "-W", "-f=${Status}", "neuromesh");
            assumeTrue(status.exitCode() != 0 || !status.output().contains("ok installed"),
                    "neuromesh is installed on this machine already; the test would replace it");
            try {
                install();
                runTheInstalledFleet();
                verifyUnits();
                upgradeKeepsTheEditedConfigAndTheData();
                removeKeepsDataThenPurgeDeletesIt();
            } finally {
                Built.run("dpkg", "--purge", "neuromesh-broker", "neuromesh");
            }
        }
    }

    private void install() throws Exception {
        ManagedProcess.Result install = Built.run("dpkg", "--force-depends", "-i", Built.EDGE_DEB.toString(),
                Built.BROKER_DEB.toString());
        assertEquals(0, install.exitCode(), install.output());
        assertTrue(Files.isExecutable(INSTALLED), INSTALLED + " after dpkg -i:\n" + install.output());
        assertTrue(Files.isRegularFile(CONFIG));
        assertTrue(Files.isDirectory(DATA.resolve("broker")));
        assertEquals(0, Built.run("getent", "passwd", "neuromesh").exitCode(), "the neuromesh user");
        ManagedProcess.Result owner = Built.run("stat", "-c", "%U %a", DATA.toString());
        assertEquals("neuromesh 750", owner.output().strip());
    }

    private void runTheInstalledFleet() throws Exception {
        Launcher installed = Launcher.forExecutable(INSTALLED, temp);
        Map<String, String> env = withoutMaven();
        ManagedProcess.Result mvn = Built.run("env", "PATH=" + env.get("PATH"), "sh", "-c", "command -v mvn");
        assertNotEquals(0, mvn.exitCode(), "mvn must be out of reach: " + mvn.output());
        try {
            ManagedProcess.Result version = installed.run(60, env, null, "--version");
            assertEquals(0, version.exitCode(), version.output());
            assertTrue(version.output().startsWith("neuromesh " + Built.VERSION + "\n"), version.output());
            configShow(installed, env);

            int port = FreePorts.next();
            String broker = "tcp://127.0.0.1:" + port;
            installed.start("broker", env, null, "broker", "--port", Integer.toString(port), "--data",
                    temp.resolve("broker-data").toString())
                    .awaitOutput("broker listening on tcp://127\\.0\\.0\\.1:" + port, STARTUP);
            try (MosquittoClients.Subscriber statuses = MosquittoClients.subscribe(port, "neuromesh/nodes/+/status")) {
                for (String node : new String[] {"n1", "n2", "n3"}) {
                    installed.start(node, env, null, "edge", "--node", node, "--broker", broker);
                }
                statuses.awaitOnline(STARTUP, "n1", "n2", "n3");
            }
            ManagedProcess.Result apply = installed.run(60, env, null, "topology", "apply",
                    Built.repository().resolve("examples/xor.json").toString(), "--broker", broker);
            assertEquals(0, apply.exitCode(), apply.output());

            try (MosquittoClients.Subscriber z = MosquittoClients.subscribe(port, "neuron/z/output")) {
                int x = 0;
                int y = 0;
                for (int[] step : new int[][] {{1, 0}, {1, 1}, {0, 1}, {0, 0}}) {
                    if (step[0] != x) {
                        MosquittoClients.publish(port, "neuron/x", "{\"from\":\"sensor_x\",\"value\":" + step[0] + "}",
                                false);
                    }
                    if (step[1] != y) {
                        MosquittoClients.publish(port, "neuron/y", "{\"from\":\"sensor_y\",\"value\":" + step[1] + "}",
                                false);
                    }
                    x = step[0];
                    y = step[1];
                    awaitSettled(z, x ^ y);
                }
            }
        } finally {
            installed.stopAll();
        }
    }

    /** {@code config show} reads the installed /etc/neuromesh/neuromesh.conf (all commented out: defaults). */
    private static void configShow(Launcher installed, Map<String, String> env) throws Exception {
        ManagedProcess.Result show = installed.run(60, env, null, "config", "show", "--for", "edge");
        assertEquals(0, show.exitCode(), show.output());
        assertTrue(show.output().contains("tcp://127.0.0.1:1883"), show.output());
        assertTrue(show.output().contains("default"), show.output());
    }

    /**
     * Installing the packages again (what an upgrade runs: the maintainer scripts with the installed version) keeps
     * an edited configuration file, as a conffile must, and the data.
     */
    private static void upgradeKeepsTheEditedConfigAndTheData() throws Exception {
        String edited = Files.readString(CONFIG) + "\nbroker = tcp://broker.lan:1883\n";
        Files.writeString(CONFIG, edited);
        Path marker = DATA.resolve("upgrade-marker");
        Files.writeString(marker, "kept across an upgrade");
        ManagedProcess.Result again = Built.run("dpkg", "--force-depends", "-i",
                Built.EDGE_DEB.toString(), Built.BROKER_DEB.toString());
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(edited, Files.readString(CONFIG), "the edited configuration file is kept");
        assertTrue(Files.exists(marker), "the data is kept");
        ManagedProcess.Result owner = Built.run("stat", "-c", "%U %a", DATA.toString());
        assertEquals("neuromesh 750", owner.output().strip());
        Files.delete(marker);
    }

    /** Reads z's outputs until the last one is {@code expected} and nothing changed for {@link #QUIET}. */
    private static void awaitSettled(MosquittoClients.Subscriber z, int expected) {
        AtomicReference<String> last = new AtomicReference<>();
        await("neuron/z/output settles at " + expected).atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1)).until(() -> {
                    String line = z.next(QUIET);
                    if (line != null) {
                        last.set(line);
                        return false;
                    }
                    return last.get() != null && last.get().contains("\"value\":" + expected + ",");
                });
    }

    private static void verifyUnits() throws Exception {
        ManagedProcess.Result verify = Built.run("systemd-analyze", "verify",
                "/usr/lib/systemd/system/neuromesh-edge.service", "/usr/lib/systemd/system/neuromesh-broker.service");
        assertEquals(0, verify.exitCode(), verify.output());
        assertEquals("", verify.output().strip(), "systemd-analyze verify has no complaints");
    }

    private static void removeKeepsDataThenPurgeDeletesIt() throws Exception {
        Path marker = DATA.resolve("history-marker");
        Files.writeString(marker, "kept across dpkg -r");
        ManagedProcess.Result remove = Built.run("dpkg", "-r", "neuromesh-broker", "neuromesh");
        assertEquals(0, remove.exitCode(), remove.output());
        assertFalse(Files.exists(INSTALLED));
        assertTrue(Files.exists(marker), "dpkg -r keeps the data");
        assertTrue(Files.exists(CONFIG), "dpkg -r keeps the configuration");

        ManagedProcess.Result purge = Built.run("dpkg", "-P", "neuromesh-broker", "neuromesh");
        assertEquals(0, purge.exitCode(), purge.output());
        assertFalse(Files.exists(DATA), "dpkg -P deletes " + DATA);
        assertFalse(Files.exists(CONFIG.getParent()), "dpkg -P deletes /etc/neuromesh");
        assertEquals(2, Built.run("getent", "passwd", "neuromesh").exitCode(), "dpkg -P deletes the user");
    }

    /**
     * The environment of the installed commands: PATH without Maven (a folder of links to every command on PATH but
     * mvn), and no JAVA_HOME, so the launcher finds Java by itself as on a Pi.
     */
    private Map<String, String> withoutMaven() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin-without-maven"));
        List<Path> dirs = new ArrayList<>();
        for (String dir : System.getenv("PATH").split(":")) {
            dirs.add(Path.of(dir));
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var entries = Files.list(dir)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    String name = entry.getFileName().toString();
                    Path link = bin.resolve(name);
                    if (!name.startsWith("mvn") && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, entry);
                    }
                }
            }
        }
        return Map.of("PATH", bin.toString(), "JAVA_HOME", "");
    }
}
