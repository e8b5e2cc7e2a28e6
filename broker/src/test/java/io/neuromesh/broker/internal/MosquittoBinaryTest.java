package io.neuromesh.broker.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MosquittoBinaryTest {

    @TempDir
    Path dir;

    @Test
    void findsAnExecutableOnThePath() throws Exception {
        Path bin = executable(dir.resolve("bin"));

        assertEquals(Optional.of(bin), MosquittoBinary.locate("/nonexistent" + File.pathSeparator + bin.getParent(),
                List.of()));
    }

    @Test
    void skipsAFileThatIsNotExecutable() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(folder.resolve("mosquitto"), "not a program");

        assertEquals(Optional.empty(), MosquittoBinary.locate(folder.toString(), List.of()));
    }

    @Test
    void fallsBackToTheDebianLocationWhenThePathHasNone() throws Exception {
        Path sbin = executable(dir.resolve("sbin"));

        assertEquals(Optional.of(sbin), MosquittoBinary.locate(dir.toString(), List.of(sbin)));
    }

    @Test
    void findsNothingWithoutPathOrFallback() {
        assertEquals(Optional.empty(), MosquittoBinary.locate(null, List.of(dir.resolve("missing"))));
    }

    private static Path executable(Path folder) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve("mosquitto");
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
