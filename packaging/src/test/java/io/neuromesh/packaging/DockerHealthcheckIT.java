package io.neuromesh.packaging;

import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import io.neuromesh.testkit.process.Launcher;
import io.neuromesh.testkit.process.ManagedProcess;
import io.neuromesh.testkit.process.TestFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The edge image's HEALTHCHECK, run as Docker runs it ({@code /bin/sh -c}, with the image's environment) against a
 * real Mosquitto and a real edge node, with the edge package's staged files as the image holds them: healthy for the
 * node that is online, unhealthy for one that is not and when the broker is gone. So the check's pattern matches what
 * {@code neuromesh nodes --json} really prints.
 */
@Timeout(180)
class DockerHealthcheckIT {

    private Launcher edgeOnly;

    @AfterEach
    void stop() {
        if (edgeOnly != null) {
            edgeOnly.stopAll();
        }
    }

    @Test
    void theEdgeCheckIsHealthyOnlyWhileItsOwnNodeIsOnline() throws Exception {
        Path bin = Built.LAYOUT.resolve("edge/usr/bin");
        // Staged by the resources plugin, which drops the mode; the packages give it 755 (DebContentsIT checks).
        Files.setPosixFilePermissions(bin.resolve("neuromesh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        edgeOnly = Launcher.forExecutable(bin.resolve("neuromesh"), Built.repository());
        String check = Dockerfile.read(Built.repository().resolve("docker/Dockerfile")).stage("edge").healthCheck()
                .shell();
        try (TestBroker broker = TestBrokers.mosquitto()) {
            edgeOnly.start("n1", "edge", "--node", "n1", "--broker", broker.uri())
                    .awaitOutput("node n1 connected to " + broker.uri(), Duration.ofSeconds(60));

            assertEquals(0, run(check, bin, broker.uri(), "n1").exitCode());
            assertNotEquals(0, run(check, bin, broker.uri(), "n2").exitCode(), "n2 never ran");
        }
        // The broker is gone: the check cannot ask, so it fails whatever the node does.
        assertNotEquals(0, run(check, bin, "tcp://127.0.0.1:1", "n1").exitCode());
    }

    private static ManagedProcess.Result run(String check, Path bin, String broker, String node)
            throws IOException, InterruptedException {
        Path log = TestFolders.create("neuromesh-healthcheck").resolve("check.log");
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "NEUROMESH_BROKER", broker,
                "NEUROMESH_NODE", node);
        ManagedProcess.Result result = ManagedProcess.start("healthcheck", List.of("/bin/sh", "-c", check),
                Built.repository(), log, env, null).awaitExit(60);
        System.out.println("health check for " + node + " on " + broker + ": exit " + result.exitCode() + "\n"
                + result.output());
        return result;
    }
}
