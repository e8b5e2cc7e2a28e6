package io.neuromesh.flows.internal.worker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TaskFolderTest {

    private static Path folder(Path dir, String permissions) throws Exception {
        Path tasks = Files.createDirectory(dir.resolve("tasks"));
        Files.setPosixFilePermissions(tasks, PosixFilePermissions.fromString(permissions));
        return tasks;
    }

    private static Path jar(Path dir, String name, String permissions) throws Exception {
        Path jar = Files.write(dir.resolve(name), new byte[] {1});
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString(permissions));
        return jar;
    }

    private static UserPrincipal me(Path dir) {
        return TaskFolder.currentUser(dir);
    }

    @Test
    void handsOutTheJarsOfAFolderOnlyItsUserMayWrite(@TempDir Path dir) throws Exception {
        Path tasks = folder(dir, "rwxr-xr-x");
        Path b = jar(tasks, "b.jar", "rw-r--r--");
        Path a = jar(tasks, "a.jar", "rw-------");
        jar(tasks, "notes.txt", "rw-rw-rw-");

        assertEquals(List.of(a, b), TaskFolder.jars(tasks, me(tasks)));
        assertEquals(List.of(), TaskFolder.jars(dir.resolve("absent"), me(dir)));
    }

    @ParameterizedTest
    @CsvSource({"rwxrwxrwx, rw-r--r--, task folder", "rwx------, rw-rw-r--, task jar"})
    void refusesAFolderOrAJarOthersMayWriteAndSaysTheFix(String folderMode, String jarMode, String unsafe,
                                                         @TempDir Path dir) throws Exception {
        Path tasks = folder(dir, folderMode);
        Path jar = jar(tasks, "a.jar", jarMode);
        Path culprit = unsafe.equals("task jar") ? jar : tasks;

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TaskFolder.jars(tasks, me(tasks)));

        assertEquals(unsafe + " " + culprit + " is writable by group or others (" + (culprit == jar ? jarMode
                : folderMode) + "), so another user could run code in this worker; fix: chmod go-w " + culprit,
                e.getMessage());
    }

    @Test
    void refusesAFolderOfAnotherUser(@TempDir Path dir) throws Exception {
        Path tasks = folder(dir, "rwx------");
        UserPrincipal owner = Files.getOwner(tasks);
        // The files belong to whoever runs the test; the worker here pretends to run as another user.
        UserPrincipal other = tasks.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(owner.getName().equals("nobody") ? "root" : "nobody");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TaskFolder.jars(tasks, other));

        assertEquals("task folder " + tasks + " belongs to " + owner.getName() + ", not to " + other.getName()
                + " who runs this worker, so " + owner.getName() + " could run code in it; fix: chown "
                + other.getName() + " " + tasks + " (or use a task folder of your own)", e.getMessage());
    }
}
