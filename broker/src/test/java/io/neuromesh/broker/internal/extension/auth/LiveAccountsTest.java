package io.neuromesh.broker.internal.extension.auth;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.Role;
import io.neuromesh.broker.UserFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveAccountsTest {

    @TempDir
    Path dir;

    @Test
    void seesEachChangeOfTheFileAndKeepsTheLastGoodUsersWhenItTurnsBad() throws Exception {
        UserFile users = UserFile.in(dir);
        LiveAccounts live = LiveAccounts.load(users.path());
        assertTrue(live.current().isEmpty());
        assertTrue(live.lastKnownEmpty());

        users.add("alice", Role.OPERATOR, "alice-password".toCharArray());
        assertEquals(Set.of("alice"), live.current().keySet());
        users.add("n1", Role.NODE, "n1-password".toCharArray());
        assertEquals(Set.of("alice", "n1"), live.current().keySet());

        Files.writeString(users.path(), "bob:admin:x\n");
        assertEquals(Set.of("alice", "n1"), live.current().keySet(), "a bad file keeps the last good users");

        assertThrows(IllegalStateException.class, users::list, "the API refuses the bad file too");
        Files.delete(users.path());
        assertTrue(live.current().isEmpty(), "no file: no users");
    }

    @Test
    void aBadFileStopsTheStart() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "alice:operator\n");
        BrokerException e = assertThrows(BrokerException.class, () -> LiveAccounts.load(file));
        assertEquals("cannot read the user file " + file + ": " + file + ":1: expected <name>:<role>:<hash>, got 2"
                + " field(s)", e.getMessage());
    }
}
