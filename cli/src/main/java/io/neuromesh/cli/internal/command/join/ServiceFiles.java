package io.neuromesh.cli.internal.command.join;

import io.neuromesh.cli.internal.CommandFailedException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the files the edge service reads: mode 0640, and group {@value #GROUP} where that system group exists, so
 * the service's user reads them and other users do not. A file is written to a temporary file beside it and moved into
 * place, so it is either the old one or the whole new one.
 */
final class ServiceFiles {

    /** The system group of the service's user, which the packages create. */
    static final String GROUP = "neuromesh";
    private static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-r-----");

    private ServiceFiles() {
    }

    /**
     * Writes {@code content} to {@code target}, creating its folder if needed.
     *
     * @return how it was written, e.g. {@code mode 0640, group neuromesh}
     * @throws CommandFailedException when it cannot be written, saying what to do (e.g. run with sudo)
     */
    static String write(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(MODE));
            Files.write(temp, content);
            Optional<GroupPrincipal> group = group();
            if (group.isPresent()) {
                Files.getFileAttributeView(temp, PosixFileAttributeView.class).setGroup(group.get());
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return "mode 0640" + group.map(g -> ", group " + GROUP).orElse("");
        } catch (IOException e) {
            deleteQuietly(temp);
            String why = e instanceof AccessDeniedException ? "permission denied; run it with sudo" : e.toString();
            throw new CommandFailedException("cannot write " + target + " (" + why + ")");
        }
    }

    /** @return the service's group, when this system has it */
    private static Optional<GroupPrincipal> group() throws IOException {
        try {
            return Optional.of(FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName(GROUP));
        } catch (UserPrincipalNotFoundException absent) {
            return Optional.empty();
        }
    }

    /** @return whether the service's user exists (the packages create it; a clone has none) */
    static boolean serviceUserExists() {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(GROUP);
            return true;
        } catch (IOException absent) {
            return false;
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The temporary file is hidden and harmless; the failure that matters is already being reported.
            }
        }
    }
}
