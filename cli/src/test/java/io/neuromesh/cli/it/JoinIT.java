package io.neuromesh.cli.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.broker.Role;
import io.neuromesh.broker.UserFile;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code neuromesh join} as a user runs it, each step a separate {@code ./neuromesh} process, against an embedded
 * broker with users (a fresh data folder): a wrong password is refused and nothing is written; the right one writes
 * the config file over the sample (comments kept, the keys set, the password copied, never written into it), and,
 * systemd not running on this machine, prints the command that starts the node; that command starts the node, logged
 * in with what the file says; and {@code config show} reads the file back with each value's line.
 */
@Timeout(300)
class JoinIT extends WalkthroughBase {

    @TempDir
    Path data;
    @TempDir
    Path etc;

    @Test
    void joinChecksTheLoginWritesTheConfigAndPrintsTheStartCommand() throws Exception {
        UserFile.in(data).add("n7", Role.NODE, "n7-password".toCharArray());
        Path right = Files.writeString(data.resolve("right"), "n7-password\n");
        Path wrong = Files.writeString(data.resolve("wrong"), "guess\n");
        Path config = etc.resolve("neuromesh.conf");
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).userFile(UserFile.in(data).path())
                .persistence(Persistence.IN_MEMORY).build()) {
            broker.start();
            String uri = "tcp://127.0.0.1:" + broker.port();

            ManagedProcess.Result refused = launcher.run(120, "join", "--broker", uri, "--node", "n7", "--user", "n7",
                    "--password-file", wrong.toString(), "--config", config.toString());
            assertEquals(1, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("the broker refused the user 'n7': bad user name or password;"
                    + " nothing was written"), refused.output());
            try (var files = Files.list(etc)) {
                assertEquals(0, files.count(), "nothing written in " + etc);
            }

            Files.copy(Path.of("src/main/dist/neuromesh.conf"), config);
            ManagedProcess.Result joined = launcher.run(120, "join", "--broker", uri, "--node", "n7", "--user", "n7",
                    "--password-file", right.toString(), "--config", config.toString());
            assertEquals(0, joined.exitCode(), joined.output());
            String out = joined.output();
            assertTrue(out.contains("broker " + uri + " answers; logged in as n7"), out);
            assertTrue(out.contains("copied the password file to " + etc.resolve("password") + " (mode 0640"), out);
            assertTrue(out.contains("wrote " + config + " (mode 0640"), out);
            assertTrue(out.contains("systemd is not running here, so no service was started; start the node with:"),
                    out);
            assertTrue(out.matches("(?s).*\n  (\\./)?neuromesh edge --config " + config + "\n.*"), out);

            String text = Files.readString(config);
            assertTrue(text.contains("\nbroker = " + uri + "\n"), text);
            assertTrue(text.contains("\nuser = n7\n"), text);
            assertTrue(text.contains("\npassword-file = " + etc.resolve("password") + "\n"), text);
            assertTrue(text.matches("(?s).*\n\\[edge]\n.*\nnode = n7\n.*"), text);
            assertTrue(text.contains("# gpio = auto") && text.contains("# Neuromesh settings"), "comments kept");
            assertFalse(text.contains("n7-password"), "no password in the config file");
            assertEquals("n7-password\n", Files.readString(etc.resolve("password")));
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
            assertEquals("rw-r-----", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(etc.resolve("password"))));

            ManagedProcess.Result show = launcher.run(60, "config", "show", "--for", "edge", "--json", "--config",
                    config.toString());
            assertEquals(0, show.exitCode(), show.output());
            JsonObject edge = JsonParser.parseString(show.output().substring(show.output().indexOf('{')))
                    .getAsJsonObject().getAsJsonObject("commands").getAsJsonObject("edge");
            for (String key : new String[] {"broker", "user", "password-file", "node"}) {
                assertEquals("file", edge.getAsJsonObject(key).get("source").getAsString(), key);
                int line = lineOf(text, key + " = ");
                assertEquals(config + ":" + line, edge.getAsJsonObject(key).get("at").getAsString(), key);
            }
            assertEquals(uri, edge.getAsJsonObject("broker").get("value").getAsString());

            // The printed command, run as printed: the node logs in with the file's user and password file.
            launcher.start("edge", Map.of("NEUROMESH_HOME", data.resolve("home").toString()), null,
                    "edge", "--config", config.toString(), "--no-worker")
                    .awaitOutput("node n7 connected to " + uri, STARTUP);
        }
    }

    private static int lineOf(String text, String start) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " not in\n" + text);
    }
}
