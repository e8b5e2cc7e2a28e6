package io.neuromesh.broker.internal.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the user file. A write goes to a new owner-only ({@code 0600}) file next to it, is synced, then
 * renamed over the old one, so that a reader (the running broker) sees the old or the new file, never half of one.
 * Stateless; two processes writing at the same time may lose one change (the last rename wins).
 */
public final class AccountFile {

    /** Owner read and write only. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AccountFile() {
    }

    /**
     * @param file the user file
     * @return its accounts by name; empty when the file does not exist
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when a line is bad (see {@link UserLines#parse})
     */
    public static Map<String, Account> read(Path file) throws IOException {
        try {
            return UserLines.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException absent) {
            return Map.of();
        }
    }

    /**
     * Replaces the file atomically with these accounts; creates its folder if needed.
     *
     * @throws IOException when it cannot be written; the old file is then unchanged
     */
    public static void write(Path file, Collection<Account> accounts) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", ownerOnly);
        try {
            byte[] text = UserLines.render(accounts).getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(text));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * @return true when others than the owner may read or write the file (a user file should be {@code 0600})
     */
    public static boolean openToOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return !OWNER_ONLY.containsAll(permissions);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }
}
