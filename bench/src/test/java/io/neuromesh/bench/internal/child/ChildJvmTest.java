package io.neuromesh.bench.internal.child;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildJvmTest {

    /** The launchers' shell functions, in the source tree (the bench module's tests run in bench/). */
    private static final Path FIND_JAVA = Path.of("..", "packaging", "src", "main", "sh", "find-java.sh");

    @Test
    void theBenchsEdgeJvmsCompileAndCollectAsTheLaunchersEdgesDo() throws Exception {
        List<String> launcher = edgeFlags("");
        assertTrue(launcher.containsAll(ChildJvm.EDGE_DEFAULTS), launcher.toString());
        List<String> overridden = edgeFlags("-XX:TieredStopAtLevel=4 -XX:+UseG1GC");
        assertFalse(overridden.stream().anyMatch(ChildJvm.EDGE_DEFAULTS::contains), overridden.toString());
    }

    @Test
    void edgeOptionsPutTheLaunchersDefaultsFirstSoThatLaterOptionsWin() {
        List<String> options = ChildJvm.edgeOptions(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
        List<String> expected = new ArrayList<>(ChildJvm.EDGE_DEFAULTS);
        expected.addAll(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
        assertEquals(expected, options.subList(0, expected.size()));
    }

    /** What {@code edge_flags} adds for {@code neuromesh edge}, with {@code NEUROMESH_JAVA_OPTS} set to {@code opts}. */
    private static List<String> edgeFlags(String opts) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(FIND_JAVA), FIND_JAVA.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "set -eu; source \"$1\"; JVM_FLAGS=(); edge_flags; printf '%s\\n' \"${JVM_FLAGS[@]}\"", "bash",
                FIND_JAVA.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("NEUROMESH_JAVA_OPTS", opts);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }
}
