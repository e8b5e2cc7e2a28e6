package io.neuromesh.cli.internal.config;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.neuromesh.cli.internal.config.ConfigRun.environment;
import static io.neuromesh.cli.internal.config.ConfigRun.parsed;
import static io.neuromesh.cli.internal.config.ConfigRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One rule for every option: flag > NEUROMESH_* > config file ([command] over global) > default. */
class PrecedenceTest {

    @TempDir
    Path dir;

    private Path config(String text) throws Exception {
        return Files.writeString(dir.resolve("neuromesh.conf"), text);
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws Exception {
        String file = config("# global\ntimeout = 7s\n").toString();
        Environment none = environment(dir, Map.of());
        Environment env = environment(dir, Map.of("NEUROMESH_TIMEOUT", "5s"));

        assertEquals(Duration.ofSeconds(3), parsed(none, "nodes", "--timeout", "nodes"));
        assertEquals(Duration.ofSeconds(7), parsed(none, "nodes", "--timeout", "nodes", "--config", file));
        assertEquals(Duration.ofSeconds(5), parsed(env, "nodes", "--timeout", "nodes", "--config", file));
        assertEquals(Duration.ofSeconds(9), parsed(env, "nodes", "--timeout", "nodes", "--config", file,
                "--timeout", "9s"));
    }

    @Test
    void aCommandsSectionBeatsTheGlobalKeysForThatCommandOnly() throws Exception {
        String file = config("timeout = 7s\nheartbeat = 4s\n\n[topology apply]\ntimeout = 1m\n"
                + "[edge]\nheartbeat = 2s\nnode = pi7\n").toString();
        Environment none = environment(dir, Map.of());
        assertEquals(Duration.ofMinutes(1), parsed(none, "topology apply", "--timeout", "--config", file, "topology",
                "apply", "examples/xor.json"));
        assertEquals(Duration.ofSeconds(7), parsed(none, "nodes", "--timeout", "--config", file, "nodes"));
        assertEquals(Duration.ofSeconds(2), parsed(none, "edge", "--heartbeat", "edge", "--config", file));
        assertEquals(Duration.ofSeconds(4), parsed(none, "worker", "--heartbeat", "worker", "--config", file));
        assertEquals("pi7", parsed(none, "edge", "--node", "edge", "--config", file));
    }

    @Test
    void theFileComesFromTheFlagElseNeuromeshConfigElseTheDefaultPathWhenItExists() throws Exception {
        Path byDefault = Files.writeString(dir.resolve("default.conf"), "timeout = 11s\n");
        Path byEnv = Files.writeString(dir.resolve("env.conf"), "timeout = 12s\n");
        Path byFlag = Files.writeString(dir.resolve("flag.conf"), "timeout = 13s\n");
        Environment defaultOnly = new Environment(Map.of(), byDefault);
        Environment withEnv = new Environment(Map.of("NEUROMESH_CONFIG", byEnv.toString()), byDefault);

        assertEquals(Duration.ofSeconds(11), parsed(defaultOnly, "nodes", "--timeout", "nodes"));
        assertEquals(Duration.ofSeconds(12), parsed(withEnv, "nodes", "--timeout", "nodes"));
        assertEquals(Duration.ofSeconds(13), parsed(withEnv, "nodes", "--timeout", "--config", byFlag.toString(),
                "nodes"));
        assertEquals(Duration.ofSeconds(3), parsed(environment(dir, Map.of()), "nodes", "--timeout", "nodes"),
                "a default path that does not exist is no error");
    }

    @Test
    void theExistingVariablesKeepTheirMeaning() throws Exception {
        String file = config("broker = tcp://file:1883\nuser = from-file\n").toString();
        Environment env = environment(dir, Map.of("NEUROMESH_BROKER", "tcp://env:1883", "NEUROMESH_USER", "alice"));
        assertEquals("tcp://env:1883", parsed(env, "nodes", "--broker", "nodes", "--config", file));
        assertEquals("alice", parsed(env, "nodes", "--user", "nodes", "--config", file));
        Environment blank = environment(dir, Map.of("NEUROMESH_BROKER", " "));
        assertEquals("tcp://file:1883", parsed(blank, "nodes", "--broker", "nodes", "--config", file),
                "a blank variable counts as unset");
    }

    @Test
    void aPasswordInTheEnvironmentOutranksThePasswordFileOfTheConfigFile() throws Exception {
        String file = config("user = n1\npassword-file = /etc/neuromesh/password\n").toString();
        assertEquals(Path.of("/etc/neuromesh/password"), parsed(environment(dir, Map.of()), "nodes",
                "--password-file", "nodes", "--config", file));
        assertEquals(null, parsed(environment(dir, Map.of("NEUROMESH_PASSWORD", "pw")), "nodes",
                "--password-file", "nodes", "--config", file));
    }

    @Test
    void configShowSaysWhereEachValueComesFromAndNeverPrintsAPassword() throws Exception {
        Path file = config("# the fleet\nbroker = tcp://10.0.0.2:1883\n\n[edge]\nheartbeat = 2s\n");
        Environment env = environment(dir, Map.of("NEUROMESH_NODE", "pi9", "NEUROMESH_PASSWORD", "s3cret-pw"));

        ConfigRun.Run json = run(env, "config", "show", "--for", "edge", "--json", "--config", file.toString());
        assertEquals(0, json.code(), json.err());
        JsonObject document = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals("flag", document.getAsJsonObject("config").get("source").getAsString());
        JsonObject edge = document.getAsJsonObject("commands").getAsJsonObject("edge");
        assertSetting(edge, "broker", "tcp://10.0.0.2:1883", "file");
        assertEquals(file + ":2", edge.getAsJsonObject("broker").get("at").getAsString());
        assertSetting(edge, "heartbeat", "2s", "file");
        assertEquals(file + ":5", edge.getAsJsonObject("heartbeat").get("at").getAsString());
        assertSetting(edge, "node", "pi9", "env");
        assertSetting(edge, "offline-after", "3.5s", "default");
        assertEquals("NEUROMESH_OFFLINE_AFTER", edge.getAsJsonObject("offline-after").get("env").getAsString());
        assertSetting(edge, "password", "(hidden)", "env");

        ConfigRun.Run table = run(env, "--config", file.toString(), "config", "show");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().startsWith("config file: " + file + " (flag --config)"), table.out());
        assertTrue(table.out().matches("(?s).*\n  broker +tcp://10\\.0\\.0\\.2:1883 +" + file + ":2\n.*"),
                table.out());
        assertTrue(table.out().matches("(?s).*\n  node +pi9 +env NEUROMESH_NODE\n.*"), table.out());
        assertTrue(table.out().matches("(?s).*\nbroker:\n.*\n  port +1883 +default\n.*"), table.out());
        assertTrue(table.out().contains("\nworker:\n"), table.out());
        assertFalse(json.out().contains("s3cret-pw") || table.out().contains("s3cret-pw"), table.out());
    }

    @Test
    void configShowForAnUnknownCommandSuggestsTheClosest() {
        ConfigRun.Run run = run(environment(dir, Map.of()), "config", "show", "--for", "wokrer");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--for: no command 'wokrer'; did you mean 'worker'?"), run.err());
    }

    private static void assertSetting(JsonObject command, String key, String value, String source) {
        JsonObject setting = command.getAsJsonObject(key);
        assertEquals(value, setting.get("value").getAsString(), key);
        assertEquals(source, setting.get("source").getAsString(), key);
    }
}
