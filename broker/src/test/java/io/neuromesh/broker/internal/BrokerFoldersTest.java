package io.neuromesh.broker.internal;

import io.neuromesh.broker.BrokerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerFoldersTest {

    @TempDir
    Path dir;

    @Test
    void createsHiveMqsFoldersAndWritesTheConfig() throws Exception {
        Path root = dir.resolve("broker");
        try (BrokerFolders folders = BrokerFolders.prepare(root)) {
            folders.writeConfig("<hivemq/>");
            assertTrue(Files.isDirectory(root.resolve("conf")));
            assertTrue(Files.isDirectory(root.resolve("data")));
            assertTrue(Files.isDirectory(root.resolve("extensions")));
            assertEquals("<hivemq/>", Files.readString(folders.conf().resolve("config.xml")));
        }
    }

    @Test
    void keepsAnExplicitFolderOnClose() throws Exception {
        BrokerFolders.prepare(dir).close();

        assertTrue(Files.isDirectory(dir.resolve("data")));
    }

    @Test
    void deletesATemporaryFolderOnClose() throws Exception {
        BrokerFolders folders = BrokerFolders.prepare(null);
        Files.writeString(folders.data().resolve("file"), "x");

        folders.close();

        assertFalse(Files.exists(folders.root()));
    }

    @Test
    void refusesAFolderThatAnotherBrokerHolds() throws Exception {
        BrokerFolders holder = BrokerFolders.prepare(dir);
        try {
            BrokerException e = assertThrows(BrokerException.class, () -> BrokerFolders.prepare(dir));
            assertEquals("data directory " + dir + " is in use by another running broker", e.getMessage());
        } finally {
            holder.close();
        }
    }

    @Test
    void letsTheNextBrokerInOnceTheFirstClosed() throws Exception {
        BrokerFolders.prepare(dir).close();

        assertDoesNotThrow(() -> BrokerFolders.prepare(dir).close());
    }
}
