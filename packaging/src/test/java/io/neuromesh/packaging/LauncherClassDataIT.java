package io.neuromesh.packaging;

import io.neuromesh.testkit.process.Launcher;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's launcher archives a client command's classes once (class data sharing) and maps them in every
 * later command: commands started together before there is an archive all run, with their usual output and no word
 * from the JVM about archives, and leave exactly one; the next command really uses it (with {@code -Xshare:on} a JVM
 * that cannot map it does not start), and so does an edge; a rebuilt jar gets a new archive in place of the old. The
 * launcher runs in a folder of its own with a copy of this repository's command-line jar.
 */
@Timeout(180)
class LauncherClassDataIT {

    private static final Map<String, String> PREBUILT = Map.of("NEUROMESH_NO_BUILD", "1");

    @Test
    void clientCommandsShareOneArchiveOfTheirClassesAndARebuildReplacesIt(@TempDir Path dir) throws Exception {
        Path repository = Built.repository();
        Built.copyLauncher(dir);
        Files.createDirectories(dir.resolve("examples"));
        Files.copy(repository.resolve("examples/xor.json"), dir.resolve("examples/xor.json"));
        Path cli = Files.createDirectories(dir.resolve("cli/target"));
        Files.createSymbolicLink(cli.resolve("lib"), repository.resolve("cli/target/lib"));
        Path jar = Files.copy(repository.resolve("cli/target/neuromesh-cli.jar"), cli.resolve("neuromesh-cli.jar"));
        Launcher launcher = Launcher.forExecutable(dir.resolve("neuromesh"), dir);

        List<ManagedProcess> together = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            together.add(launcher.start("validate-" + i, PREBUILT, null, "topology", "validate", "examples/xor.json"));
        }
        String expected = null;
        for (ManagedProcess command : together) {
            ManagedProcess.Result result = command.awaitExit(120);
            assertEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("valid") && !result.output().contains("cds"), result.output());
            expected = expected == null ? result.output() : expected;
            assertEquals(expected, result.output(), "every command says the same, whichever wrote the archive");
        }
        Path archive = Built.onlyArchive(cli.resolve("class-data"));

        Path classes = dir.resolve("class-load.log");
        ManagedProcess.Result mapped = launcher.run(120, Map.of("NEUROMESH_NO_BUILD", "1", "NEUROMESH_JAVA_OPTS",
                "-Xshare:on -Xlog:class+load=info:file=" + classes), null, "topology", "validate", "examples/xor.json");
        assertEquals(0, mapped.exitCode(), mapped.output());
        assertEquals(expected, mapped.output());
        assertTrue(Built.mappedFromArchive(classes), "the command's own classes come from the archive: " + classes);

        Path edgeClasses = dir.resolve("edge-class-load.log");
        ManagedProcess edge = launcher.start("edge", Map.of("NEUROMESH_NO_BUILD", "1", "NEUROMESH_HOME",
                dir.resolve("home").toString(), "NEUROMESH_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file="
                + edgeClasses), null, "edge", "--node", "n1", "--broker", "tcp://127.0.0.1:1", "--no-worker");
        edge.awaitOutput("WARN: node n1: cannot reach the broker at tcp://127.0.0.1:1", Duration.ofSeconds(60));
        edge.stop();
        assertTrue(Built.mappedFromArchive(edgeClasses),
                "an edge maps the classes it shares with the commands: " + edgeClasses);
        assertEquals(archive, Built.onlyArchive(cli.resolve("class-data")), "an edge only reads the archive");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        ManagedProcess.Result rebuilt = launcher.run(120, PREBUILT, null, "topology", "validate", "examples/xor.json");
        assertEquals(expected, rebuilt.output());
        assertNotEquals(archive, Built.onlyArchive(cli.resolve("class-data")), "a new archive for the rebuilt jar, the old one removed");
    }
}
