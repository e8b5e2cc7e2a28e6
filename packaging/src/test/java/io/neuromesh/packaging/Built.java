package io.neuromesh.packaging;

import io.neuromesh.testkit.process.ManagedProcess;
import io.neuromesh.testkit.process.TestFolders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What this module's build produced, for its tests: the packages in {@code target/dist}, the staged layouts in
 * {@code target/layout}, and the versions (the failsafe configuration passes them as system properties).
 */
final class Built {

    /** The project version, as {@code --version} prints it: {@code 0.1.0-SNAPSHOT}. */
    static final String VERSION = property("neuromesh.version");
    /** The Debian form of it: {@code 0.1.0~SNAPSHOT}. */
    static final String DEB_VERSION = property("neuromesh.debVersion");
    static final Path DIST = Path.of(property("neuromesh.dist"));
    static final Path LAYOUT = Path.of(property("neuromesh.layout"));
    static final Path EDGE_DEB = DIST.resolve("neuromesh_" + DEB_VERSION + "_all.deb");
    static final Path BROKER_DEB = DIST.resolve("neuromesh-broker_" + DEB_VERSION + "_all.deb");
    static final Path TARBALL = DIST.resolve("neuromesh-" + VERSION + ".tar.gz");

    private Built() {
    }

    /** The repository root: the working directory of the processes (examples/ is read from there). */
    static Path repository() {
        return LAYOUT.getParent().getParent().getParent();
    }

    /**
     * Copies the repository's launcher ({@code neuromesh} and the {@code find-java.sh} it sources) into {@code dir},
     * where it runs as in a repository of its own.
     */
    static void copyLauncher(Path dir) throws IOException {
        Files.copy(repository().resolve("neuromesh"), dir.resolve("neuromesh"), StandardCopyOption.COPY_ATTRIBUTES);
        Path sh = Files.createDirectories(dir.resolve("packaging/src/main/sh"));
        Files.copy(repository().resolve("packaging/src/main/sh/find-java.sh"), sh.resolve("find-java.sh"));
    }

    /**
     * True when the JVM that wrote {@code classLoadLog} ({@code -Xlog:class+load=info:file=...}) mapped the command
     * line's main class from a class-data archive of the launcher's (the top, dynamic archive) instead of its jar.
     */
    static boolean mappedFromArchive(Path classLoadLog) throws IOException {
        try (Stream<String> lines = Files.lines(classLoadLog)) {
            return lines.anyMatch(l -> l.contains(" io.neuromesh.cli.Main source: shared objects file (top)"));
        }
    }

    /** The one class-data archive in the launcher's folder {@code classData}; fails when there are none or several. */
    static Path onlyArchive(Path classData) throws IOException {
        try (Stream<Path> files = Files.list(classData)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
            if (archives.size() != 1) {
                throw new AssertionError("one archive in " + classData + ", found " + archives);
            }
            return archives.get(0);
        }
    }

    /** Runs a command to completion (a minute at most) and returns its exit code and output. */
    static ManagedProcess.Result run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(TestFolders.create("neuromesh-packaging"), command[0].replace('/', '_'),
                ".log");
        return ManagedProcess.start(command[0], List.of(command), repository(), log).awaitExit(60);
    }

    /** The paths in a package's data archive, from {@code dpkg-deb -c}, as {@code ./usr/bin/neuromesh}. */
    static List<String> contents(Path deb) throws IOException, InterruptedException {
        ManagedProcess.Result listing = run("dpkg-deb", "-c", deb.toString());
        if (listing.exitCode() != 0) {
            throw new AssertionError("dpkg-deb -c " + deb + " failed:\n" + listing.output());
        }
        List<String> paths = new ArrayList<>();
        for (String line : listing.output().split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 6) {
                paths.add(fields[5]);
            }
        }
        return paths;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is unset; run the tests with Maven"
                    + " (mvn -Ppackage -pl packaging -am verify)");
        }
        return value;
    }
}
