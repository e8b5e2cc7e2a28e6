package io.neuromesh.packaging;

import io.neuromesh.testkit.process.Launcher;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's launcher builds once when several commands start together after a change (a broker and its edges
 * from one script), instead of running Maven several times in one tree, which broke the build. It runs here in a
 * folder of its own, its sources newer than its (missing) jar, with a stand-in for Maven first on the PATH: it takes a
 * second, fails if another build is under way (as two Mavens in one tree do), and "builds" by bringing this
 * repository's command-line jar and its libraries.
 */
@Timeout(180)
class LauncherBuildLockIT {

    @Test
    void commandsStartedTogetherAfterAChangeBuildOnceAndAllRun(@TempDir Path dir) throws Exception {
        Path repository = Built.repository();
        Built.copyLauncher(dir);
        Path sources = Files.createDirectories(dir.resolve("cli/src/main/java"));
        Files.writeString(sources.resolve("Changed.java"), "class Changed {\n}\n");
        Path cli = repository.resolve("cli/target");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path maven = Files.writeString(bin.resolve("mvn"), """
                #!/bin/bash
                mkdir building 2>/dev/null || { echo "two builds at once in $PWD" >&2; exit 1; }
                sleep 1
                mkdir -p cli/target
                ln -s '%s' cli/target/lib
                cp '%s' cli/target/neuromesh-cli.jar
                echo built >> builds
                rmdir building
                """.formatted(cli.resolve("lib"), cli.resolve("neuromesh-cli.jar")));
        Files.setPosixFilePermissions(maven, PosixFilePermissions.fromString("rwxr-xr-x"));

        Launcher launcher = Launcher.forExecutable(dir.resolve("neuromesh"), dir);
        Map<String, String> env = Map.of("NEUROMESH_NO_BUILD", "0", "PATH", bin + ":" + System.getenv("PATH"));
        List<ManagedProcess> commands = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            commands.add(launcher.start("version-" + i, env, null, "--version"));
        }
        int building = 0;
        for (ManagedProcess command : commands) {
            ManagedProcess.Result result = command.awaitExit(120);
            assertEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("neuromesh " + Built.VERSION + "\n"), result.output());
            building += result.output().contains("neuromesh: building (first use or sources changed") ? 1 : 0;
        }
        assertEquals(List.of("built"), Files.readAllLines(dir.resolve("builds")), "one build for the three commands");
        assertEquals(1, building, "only the command that built says it builds");
    }
}
