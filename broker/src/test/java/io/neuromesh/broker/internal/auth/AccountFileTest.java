package io.neuromesh.broker.internal.auth;

import io.neuromesh.broker.Role;
import io.neuromesh.broker.User;
import io.neuromesh.broker.UserFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user file through its API ({@link UserFile}) and its lines ({@link UserLines}). */
class AccountFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsUsersOwnerOnlyWithoutAnyPasswordInClear() throws Exception {
        UserFile users = UserFile.in(dir.resolve("broker"));
        assertEquals(List.of(), users.list(), "no file: no users");

        users.add("alice", Role.OPERATOR, "alice-password".toCharArray());
        users.add("n1", Role.NODE, "n1-password".toCharArray());
        users.add("eve", Role.VIEWER, "eve-password".toCharArray());

        assertEquals(List.of(new User("alice", Role.OPERATOR), new User("n1", Role.NODE),
                new User("eve", Role.VIEWER)), users.list());
        String text = Files.readString(users.path());
        assertFalse(text.contains("-password"), "only hashes: " + text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("alice:operator:pbkdf2-sha256$210000$")), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users.path())));
        Map<String, Account> read = AccountFile.read(users.path());
        assertTrue(PasswordHash.verify("n1-password".toCharArray(), read.get("n1").hash()));

        String before = read.get("alice").hash();
        users.passwd("alice", "another-password".toCharArray());
        Map<String, Account> changed = AccountFile.read(users.path());
        assertFalse(before.equals(changed.get("alice").hash()));
        assertTrue(PasswordHash.verify("another-password".toCharArray(), changed.get("alice").hash()));
        assertEquals(Role.OPERATOR, changed.get("alice").role());

        users.remove("eve");
        assertEquals(List.of("alice", "n1"), users.list().stream().map(User::name).toList());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users.path())));
        try (var leftovers = Files.list(users.path().getParent())) {
            assertEquals(List.of(users.path()), leftovers.toList(), "no temporary file left behind");
        }
    }

    @Test
    void refusesADuplicateAnUnknownUserABadNameAndAnEmptyPassword() {
        UserFile users = UserFile.in(dir);
        users.add("alice", Role.OPERATOR, "alice-password".toCharArray());

        assertEquals("user 'alice' exists already in " + users.path() + "; change its password with: user passwd"
                + " alice", assertThrows(IllegalArgumentException.class,
                () -> users.add("alice", Role.VIEWER, "x-password".toCharArray())).getMessage());
        assertEquals("no user 'bob' in " + users.path() + " (users: alice)",
                assertThrows(IllegalArgumentException.class, () -> users.remove("bob")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> users.add("a/b", Role.NODE, "x-password".toCharArray())).getMessage().startsWith("user: "));
        assertEquals("password: must not be empty", assertThrows(IllegalArgumentException.class,
                () -> users.add("bob", Role.NODE, new char[0])).getMessage());
    }

    @Test
    void namesTheBadLineAndNeverQuotesAHash() {
        String hash = PasswordHash.hash("pw-pw-pw-pw".toCharArray());
        assertEquals("users:3: role: must be one of operator, node, viewer, got 'admin'",
                assertThrows(IllegalArgumentException.class, () -> UserLines.parse(
                        "# comment\n\nbob:admin:" + hash + "\n", "users")).getMessage());
        assertEquals("users:1: expected <name>:<role>:<hash>, got 2 field(s)",
                assertThrows(IllegalArgumentException.class, () -> UserLines.parse("bob:" + hash, "users"))
                        .getMessage());
        assertEquals("users:2: user 'bob' is listed twice", assertThrows(IllegalArgumentException.class,
                () -> UserLines.parse("bob:node:" + hash + "\nbob:viewer:" + hash, "users")).getMessage());
        String badHash = assertThrows(IllegalArgumentException.class,
                () -> UserLines.parse("bob:node:secret", "users")).getMessage();
        assertEquals("users:1: user 'bob': the hash must look like pbkdf2-sha256$<iterations>$<salt>$<hash>", badHash);
        assertEquals("Account[bob, node]", UserLines.parse("bob:node:" + hash, "users").get("bob").toString());
    }
}
