package io.neuromesh.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh folders for what a test leaves to read afterwards (process logs, generated files). They go under the
 * module's {@code target/test-tmp} when the test runs from a Maven module, so {@code mvn clean} removes them and a
 * failed run's logs sit beside its reports; elsewhere under the system's temp folder.
 */
public final class TestFolders {

    private TestFolders() {
    }

    /** A new, empty folder whose name starts with {@code prefix}. */
    public static Path create(String prefix) {
        Path target = Path.of("target").toAbsolutePath();
        try {
            if (Files.isDirectory(target)) {
                return Files.createTempDirectory(Files.createDirectories(target.resolve("test-tmp")), prefix);
            }
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a test folder " + prefix + "* under " + target, e);
        }
    }
}
