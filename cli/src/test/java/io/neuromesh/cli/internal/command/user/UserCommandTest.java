package io.neuromesh.cli.internal.command.user;

import io.neuromesh.broker.Role;
import io.neuromesh.broker.User;
import io.neuromesh.broker.UserFile;
import io.neuromesh.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code user add|list|remove|passwd} in-process, the password on standard input, in a temporary data folder. */
class UserCommandTest {

    private static final InputStream STDIN = System.in;

    @TempDir
    Path data;

    record Run(int code, String out, String err) {
    }

    private Run run(String stdin, String... argv) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(STDIN);
    }

    @Test
    void addsListsChangesAndRemovesUsersWithThePasswordFromStandardInput() throws Exception {
        String dir = data.toString();
        Run add = run("alice-password\n", "user", "add", "alice", "--role", "operator", "--data", dir);
        assertEquals(0, add.code(), add.err());
        assertEquals("added operator 'alice' to " + data.resolve("users") + "\n", add.out());
        assertEquals(0, run("n1-password\r\n", "user", "add", "n1", "--role", "node", "--data", dir).code());

        Run list = run("", "user", "list", "--data", dir);
        assertEquals(List.of("NAME   ROLE", "alice  operator", "n1     node"), list.out().lines().map(String::stripTrailing)
                .toList());
        Run json = run("", "user", "list", "--json", "--data", dir);
        assertTrue(json.out().contains("\"role\": \"operator\""), json.out());
        assertFalse(json.out().contains("pbkdf2"), "never a hash: " + json.out());
        assertFalse(Files.readString(data.resolve("users")).contains("-password"), "no password in clear");
        assertEquals(List.of(new User("alice", Role.OPERATOR), new User("n1", Role.NODE)), UserFile.in(data).list());

        Run passwd = run("new-alice-password\n", "user", "passwd", "alice", "--data", dir);
        assertEquals(0, passwd.code(), passwd.err());
        Run remove = run("", "user", "remove", "n1", "--data", dir);
        assertEquals(0, remove.code(), remove.err());
        assertEquals(List.of("alice"), UserFile.in(data).list().stream().map(User::name).toList());
    }

    @Test
    void saysWhatIsWrongInOneLine() {
        String dir = data.toString();
        Run shortPassword = run("short\n", "user", "add", "bob", "--role", "viewer", "--data", dir);
        assertEquals(1, shortPassword.code());
        assertEquals("neuromesh user: the password of 'bob' must have at least 8 characters (read from standard input)\n",
                shortPassword.err());

        Run badRole = run("bob-password\n", "user", "add", "bob", "--role", "admin", "--data", dir);
        assertEquals(2, badRole.code());
        assertTrue(badRole.err().contains("must be one of operator, node, viewer, got 'admin'"), badRole.err());

        Run badName = run("bob-password\n", "user", "add", "bob/x", "--role", "viewer", "--data", dir);
        assertEquals(2, badName.code(), badName.err());

        Run unknown = run("bob-password\n", "user", "passwd", "bob", "--data", dir);
        assertEquals(1, unknown.code());
        assertEquals("neuromesh user: no user 'bob' in " + data.resolve("users") + "; add one with: user add bob --role ROLE\n",
                unknown.err());

        assertEquals(0, run("bob-password\n", "user", "add", "bob", "--role", "viewer", "--data", dir).code());
        Run twice = run("bob-password\n", "user", "add", "bob", "--role", "viewer", "--data", dir);
        assertEquals(1, twice.code());
        assertTrue(twice.err().startsWith("neuromesh user: user 'bob' exists already in "), twice.err());
    }
}
