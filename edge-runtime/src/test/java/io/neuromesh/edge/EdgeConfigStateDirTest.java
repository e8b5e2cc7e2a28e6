package io.neuromesh.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The node's state folder, where it keeps its last applied topology. */
class EdgeConfigStateDirTest {

    @TempDir
    Path dir;

    @Test
    void noStateFolderByDefaultAndAFolderThatDoesNotExistYetIsFine() {
        assertEquals(Optional.empty(), EdgeRuntime.builder().node("n1").config().stateDir());
        Path later = dir.resolve("nodes").resolve("n1");
        assertEquals(Optional.of(later), EdgeRuntime.builder().node("n1").stateDir(later).config().stateDir());
    }

    @Test
    void aFileInPlaceOfTheFolderIsRefusedWithTheFix() throws IOException {
        Path file = Files.writeString(dir.resolve("n1"), "x");
        assertEquals("stateDir: " + file + " is a file, not a folder; give a folder",
                assertThrows(IllegalArgumentException.class,
                        () -> EdgeRuntime.builder().node("n1").stateDir(file).config()).getMessage());
        assertEquals("stateDir: must not be null; leave it unset for none",
                assertThrows(IllegalArgumentException.class,
                        () -> EdgeRuntime.builder().node("n1").stateDir(null)).getMessage());
    }
}
