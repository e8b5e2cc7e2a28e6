package io.neuromesh.flows.internal.worker;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The jars of a worker's task folder, handed out only when the folder and every jar belong to the user that runs the
 * worker and nobody else may write them: a jar is code the worker runs, so whoever can write there could run code as
 * this user. On a file system without POSIX permissions only the owner is checked.
 */
final class TaskFolder {

    private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private TaskFolder() {
    }

    /**
     * The {@code *.jar} files of {@code dir}, sorted; none when {@code dir} is null or does not exist.
     *
     * @param owner the user who must own the folder and the jars (the one running the worker)
     * @throws IllegalStateException when the folder or a jar is unsafe (the message says the fix), or cannot be read
     */
    static List<Path> jars(Path dir, UserPrincipal owner) {
        if (dir == null || !Files.exists(dir)) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("task folder " + dir + " is not a folder");
        }
        try {
            requireSafe(dir, "task folder", owner);
            List<Path> jars;
            try (Stream<Path> files = Files.list(dir)) {
                jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            }
            for (Path jar : jars) {
                requireSafe(jar, "task jar", owner);
            }
            return jars;
        } catch (IOException e) {
            throw new IllegalStateException("task folder " + dir + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The user running this JVM, as the file system names owners. */
    static UserPrincipal currentUser(Path dir) {
        try {
            return dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot tell who runs this worker, so the task folder " + dir
                    + " cannot be checked: " + e.getMessage(), e);
        }
    }

    private static void requireSafe(Path path, String what, UserPrincipal owner) throws IOException {
        UserPrincipal actual = Files.getOwner(path);
        if (!actual.equals(owner)) {
            throw new IllegalStateException(what + " " + path + " belongs to " + actual.getName() + ", not to "
                    + owner.getName() + " who runs this worker, so " + actual.getName() + " could run code in it;"
                    + " fix: chown " + owner.getName() + " " + path + " (or use a task folder of your own)");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix == null) {
            Logger.debug("{} {}: no POSIX permissions on this file system; only its owner was checked", what, path);
            return;
        }
        Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
        if (permissions.stream().anyMatch(OTHERS_WRITE::contains)) {
            throw new IllegalStateException(what + " " + path + " is writable by group or others ("
                    + PosixFilePermissions.toString(permissions) + "), so another user could run code in this"
                    + " worker; fix: chmod go-w " + path);
        }
    }
}
