package io.neuromesh.edge.internal.truth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The node's last applied topology on disk. */
class TopologyFileTest {

    @TempDir
    Path dir;

    @Test
    void aSavedDocumentIsLoadedBackByteForByteAndReplacesThePreviousOne() throws IOException {
        Path state = dir.resolve("nodes").resolve("n1");
        TopologyFile file = new TopologyFile(state);
        assertEquals(Optional.empty(), file.load(), "nothing saved yet");

        file.save("{\"rev\":1}".getBytes(StandardCharsets.UTF_8));
        byte[] second = "{ \"rev\": 2 }\n".getBytes(StandardCharsets.UTF_8);
        file.save(second);

        assertArrayEquals(second, file.load().orElseThrow());
        try (var files = Files.list(state)) {
            assertEquals(List.of(state.resolve(TopologyFile.NAME)), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsLoggedAndTheNodeRunsOn() throws IOException {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the folder should be");
        TopologyFile file = new TopologyFile(blocked.resolve("n1"));
        file.save("{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), file.load());
    }
}
