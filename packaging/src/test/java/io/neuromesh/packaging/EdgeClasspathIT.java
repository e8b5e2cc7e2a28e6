package io.neuromesh.packaging;

import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import io.neuromesh.testkit.process.Launcher;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line with the edge package's files only: the staged layout of {@code neuromesh} (its launcher, its
 * jars, no broker folder), run as separate processes. Every command that does not need the broker works; the ones
 * that do say which package to install, and registering them loads none of the missing classes.
 */
@Timeout(180)
class EdgeClasspathIT {

    private Launcher edgeOnly;

    @BeforeEach
    void launcher() throws Exception {
        Path launcher = Built.LAYOUT.resolve("edge/usr/bin/neuromesh");
        assertFalse(Files.exists(Built.LAYOUT.resolve("edge/usr/share/neuromesh/broker")));
        // Staged by the resources plugin, which drops the mode; the packages give it 755 (DebContentsIT checks).
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        edgeOnly = Launcher.forExecutable(launcher, Built.repository());
    }

    @AfterEach
    void stop() {
        edgeOnly.stopAll();
    }

    @Test
    void commandsThatNeedTheBrokerNameThePackageToInstall() throws Exception {
        String[][] commands = {{"broker"}, {"broker", "--help"}, {"demo", "--cycles", "1"}, {"bench", "--quick"},
                {"user", "list"}, {"certs", "init"}};
        for (String[] command : commands) {
            ManagedProcess.Result result = edgeOnly.run(60, command);
            assertEquals(1, result.exitCode(), result.output());
            assertEquals("neuromesh " + command[0] + ": this command comes with the neuromesh-broker package, which is"
                    + " not installed: sudo apt install ./neuromesh-broker_" + Built.DEB_VERSION + "_all.deb\n",
                    result.output());
        }
    }

    @Test
    void versionHelpAndTheOfflineCommandsWork() throws Exception {
        ManagedProcess.Result version = edgeOnly.run(60, "--version");
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(version.output().startsWith("neuromesh " + Built.VERSION + "\n"), version.output());

        ManagedProcess.Result help = edgeOnly.run(60, "--help");
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(help.output().contains("\n  edge ") && help.output().contains("\n  broker      not installed"),
                help.output());

        ManagedProcess.Result validate = edgeOnly.run(60, "topology", "validate", "examples/xor.json");
        assertEquals(0, validate.exitCode(), validate.output());
        assertTrue(validate.output().contains("valid"), validate.output());

        ManagedProcess.Result completion = edgeOnly.run(60, "completion");
        assertEquals(0, completion.exitCode(), completion.output());
        assertTrue(completion.output().contains("_complete_neuromesh"), completion.output());

        // The first of them archived the command line's classes in the user's NEUROMESH_HOME; the next map them.
        Path classes = edgeOnly.home().resolve("class-load.log");
        ManagedProcess.Result mapped = edgeOnly.run(60, Map.of("NEUROMESH_JAVA_OPTS",
                "-Xshare:on -Xlog:class+load=info:file=" + classes), null, "topology", "validate", "examples/xor.json");
        assertEquals(validate.output(), mapped.output());
        Built.onlyArchive(edgeOnly.home().resolve("class-data"));
        assertTrue(Built.mappedFromArchive(classes), "the command's own classes come from the archive: " + classes);
    }

    @Test
    void anEdgeNodeRunsWithThePiDefaultsUnlessTheUserSetsTheirOwn() throws Exception {
        try (TestBroker broker = TestBrokers.mosquitto()) {
            List<String> defaults = edgeJvmArguments(broker, "n1", Map.of());
            assertTrue(defaults.stream().anyMatch(a -> a.matches("-Xmx[0-9]+m")), defaults.toString());
            assertTrue(defaults.containsAll(List.of("-Xms16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),
                    defaults.toString());

            List<String> own = edgeJvmArguments(broker, "n2",
                    Map.of("NEUROMESH_JAVA_OPTS", "-Xmx200m -XX:+UseG1GC -XX:TieredStopAtLevel=4"));
            assertTrue(own.containsAll(List.of("-Xmx200m", "-XX:+UseG1GC", "-XX:TieredStopAtLevel=4")), own.toString());
            assertFalse(own.stream().anyMatch(a -> a.equals("-XX:+UseSerialGC") || a.equals("-XX:TieredStopAtLevel=1")
                    || a.matches("-Xmx[0-9]+m") && !a.equals("-Xmx200m")), own.toString());
        }
    }

    /** The JVM options of a node started by the package's launcher (which execs java, so its pid is the JVM's). */
    private List<String> edgeJvmArguments(TestBroker broker, String node, Map<String, String> env) throws Exception {
        ManagedProcess edge = edgeOnly.start(node, env, null, "edge", "--node", node, "--broker", broker.uri());
        edge.awaitOutput("node " + node + " connected to ", Duration.ofSeconds(60));
        String commandLine = Files.readString(Path.of("/proc", Long.toString(edge.pid()), "cmdline"));
        List<String> arguments = List.of(commandLine.split("\0"));
        return arguments.subList(0, arguments.indexOf("io.neuromesh.cli.Main"));
    }

    @Test
    void anEdgeNodeJoinsARealBrokerAndTheFleetCommandsSeeIt() throws Exception {
        try (TestBroker broker = TestBrokers.mosquitto()) {
            edgeOnly.start("n1", "edge", "--node", "n1", "--broker", broker.uri())
                    .awaitOutput("node n1 connected to " + broker.uri(), Duration.ofSeconds(60));
            ManagedProcess.Result nodes = edgeOnly.run(60, "nodes", "--broker", broker.uri());
            assertEquals(0, nodes.exitCode(), nodes.output());
            assertTrue(nodes.output().lines().anyMatch(l -> l.startsWith("n1") && l.contains("online")),
                    nodes.output());
        }
    }
}
