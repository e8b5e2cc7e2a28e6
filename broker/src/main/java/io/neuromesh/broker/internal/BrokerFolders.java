package io.neuromesh.broker.internal;

import io.neuromesh.broker.BrokerException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * HiveMQ's folders under one root, held for one running broker: {@code conf/} (our generated
 * {@code config.xml}), {@code data/} (persistence) and {@code extensions/} (kept empty). A lock file in the root
 * keeps a second broker, in this or another process, out of the same folders.
 */
final class BrokerFolders implements AutoCloseable {

    static final String CONFIG_FILE = "config.xml";
    static final String LOCK_FILE = "neuromesh-broker.lock";

    private final Path root;
    private final boolean temporary;
    private final FileChannel lockChannel;

    private BrokerFolders(Path root, boolean temporary, FileChannel lockChannel) {
        this.root = root;
        this.temporary = temporary;
        this.lockChannel = lockChannel;
    }

    /**
     * Locks the root and creates the folders; {@link #writeConfig} then writes the configuration.
     *
     * @param root the data directory, or null for a new temporary one
     * @throws BrokerException if another broker holds the root, or a folder cannot be written
     */
    static BrokerFolders prepare(Path root) {
        boolean temporary = root == null;
        Path dir = null;
        FileChannel channel = null;
        try {
            dir = temporary ? Files.createTempDirectory("neuromesh-broker-") : Files.createDirectories(root);
            channel = lock(dir);
            BrokerFolders folders = new BrokerFolders(dir, temporary, channel);
            Files.createDirectories(folders.conf());
            Files.createDirectories(folders.data());
            Files.createDirectories(folders.extensions());
            return folders;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (temporary && dir != null) {
                TreeDeletion.deleteQuietly(dir);
            }
            if (e instanceof BrokerException brokerException) {
                throw brokerException;
            }
            throw new BrokerException("cannot prepare the broker folder " + (dir == null ? root : dir) + ": " + e, e);
        }
    }

    private static FileChannel lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new BrokerException("data directory " + dir + " is in use by another running broker");
        }
        return channel;
    }

    /**
     * Writes {@code conf/config.xml}.
     *
     * @throws BrokerException if it cannot be written
     */
    void writeConfig(String configXml) {
        try {
            Files.writeString(conf().resolve(CONFIG_FILE), configXml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BrokerException("cannot write the broker configuration in " + conf() + ": " + e, e);
        }
    }

    Path root() {
        return root;
    }

    Path conf() {
        return root.resolve("conf");
    }

    Path data() {
        return root.resolve("data");
    }

    Path extensions() {
        return root.resolve("extensions");
    }

    /** Releases the lock and deletes the root if it is temporary. */
    @Override
    public void close() throws IOException {
        lockChannel.close();
        if (temporary && Files.exists(root)) {
            TreeDeletion.deleteTree(root);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // The lock goes with the channel; a failed close cannot hold it any longer than the process.
        }
    }
}
