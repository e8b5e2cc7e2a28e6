package io.neuromesh.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.cli.internal.BuildVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it, in-process: help, version, usage errors and their exit codes. */
class MainTest {

    private static final String[] COMMANDS = {"demo", "broker", "edge", "topology", "fire", "send", "watch", "logs",
            "inspect", "gpio", "nodes", "worker", "workers", "flow", "user", "certs", "bench",
            "completion", "config", "join"};

    record Run(int code, String out, String err) {
    }

    static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theOverviewListsEveryCommandAndTheLaunchersTest() {
        Run help = run("--help");
        assertEquals(0, help.code());
        for (String command : COMMANDS) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in\n" + help.out());
        }
        assertTrue(help.out().contains("\n  test "), help.out());
    }

    @Test
    void withoutACommandItShowsTheOverviewAndExitsWithTheUsageCode() {
        Run run = run();
        assertEquals(2, run.code());
        assertTrue(run.out().contains("Commands (each has --help):"), run.out());
    }

    @Test
    void everyCommandAndSubcommandHasHelp() {
        for (String command : COMMANDS) {
            Run help = run(command, "--help");
            assertEquals(0, help.code(), command);
            assertTrue(help.out().startsWith("Usage: neuromesh " + command), help.out());
        }
        for (String sub : new String[] {"validate", "apply", "diff", "rollback", "history"}) {
            assertTrue(run("topology", sub, "--help").out().startsWith("Usage: neuromesh topology " + sub));
        }
        assertTrue(run("flow", "wordcount", "--help").out().startsWith("Usage: neuromesh flow wordcount"));
        assertTrue(run("gpio", "set", "--help").out().startsWith("Usage: neuromesh gpio set"));
        assertTrue(run("help", "nodes").out().startsWith("Usage: neuromesh nodes"));
    }

    @Test
    void helpShowsDefaultsFromTheCodesConstants() {
        String edge = run("edge", "--help").out();
        assertTrue(edge.contains("(default: 1s)"), edge);
        assertTrue(edge.replaceAll("\\s+", " ").contains("--node=ID this node's id (1-64 of A-Z a-z 0-9 _ -);"
                + " default: this host's name made to fit that rule"), edge);
        assertTrue(edge.matches("(?s).*--offline-after=DURATION\\s+.*\\(default: 3\\.5\\s*s\\).*"), edge);
        assertTrue(run("topology", "apply", "--help").out().contains("(default: 10s)"));
        assertTrue(run("inspect", "--help").out().contains("(default: 3s)"));
        assertTrue(run("demo", "--help").out().contains("(default: 300ms)"));
    }

    @Test
    void versionIsTheBuildsVersion() {
        Run run = run("--version");
        assertEquals(0, run.code());
        String version = BuildVersion.version();
        assertFalse(version.contains("${"), "the version resource must be filtered by Maven: " + version);
        assertTrue(run.out().startsWith("neuromesh " + version + "\n"), run.out());
    }

    @Test
    void aMistypedCommandExitsWithTheUsageCodeAndSuggestsTheRealOne() {
        Run run = run("topolgy");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("neuromesh: unknown command 'topolgy'; see ./neuromesh --help\n"), run.err());
        assertTrue(run.err().contains("Did you mean: neuromesh topology?"), run.err());
    }

    @Test
    void aMistypedSubcommandOrOptionExitsWithTheUsageCodeAndASuggestion() {
        Run option = run("nodes", "--jsn");
        assertEquals(2, option.code());
        assertTrue(option.err().startsWith("neuromesh nodes: Unknown option: '--jsn'; see ./neuromesh nodes --help"),
                option.err());
        assertTrue(option.err().contains("--json"), option.err());

        Run sub = run("topology", "aply", "x.json");
        assertEquals(2, sub.code());
        assertTrue(sub.err().contains("apply"), sub.err());
    }

    @Test
    void aMissingOptionIsAUsageErrorWithAHint() {
        Run run = run("send", "x", "--value", "1");
        assertEquals(2, run.code());
        assertEquals("neuromesh send: Missing required option: '--from=SOURCE'; see ./neuromesh send --help\n",
                run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "x+", "has space", ""})
    void idsAreCheckedWithTheProjectsIdRuleBeforeAnythingIsSent(String id) {
        Run run = run("fire", id, "--broker", "tcp://127.0.0.1:1");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("ids are 1-64 characters of A-Z a-z 0-9 _ -"), run.err());
    }

    @Test
    void aMalformedDurationIsAUsageErrorThatSaysWhatADurationLooksLike() {
        Run run = run("logs", "--since", "5 minutes");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("'5 minutes' is not a duration; use a number and a unit: 300ms, 5s, 2m or 1h"),
                run.err());
    }

    @Test
    void verboseIsAcceptedBeforeAndAfterTheCommand() {
        assertEquals(0, run("--verbose", "topology", "history", "--help").code());
        assertEquals(0, run("topology", "history", "--verbose", "--help").code());
    }

    @Test
    void validatePrintsASummaryOrEveryErrorAndFailsOnBadFiles(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("xor.json");
        Files.writeString(good, "{\"rev\":1,\"neurons\":[{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1}]}");
        Run ok = run("topology", "validate", good.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("valid. rev 1, 1 neurons, 0 synapses"), ok.out());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"rev\":0,\"neurons\":[{\"id\":\"a/b\",\"threshold\":\"high\"}]}");
        Run failed = run("topology", "validate", bad.toString());
        assertEquals(1, failed.code());
        assertTrue(failed.err().contains("3 error(s)"), failed.err());
        assertTrue(failed.err().contains("  rev: "), failed.err());
        assertTrue(failed.err().contains("  neurons[0].id: "), failed.err());
        assertTrue(failed.err().contains("  neurons[0].threshold: must be a number, got string \"high\""), failed.err());

        Run missing = run("topology", "validate", "/nonexistent.json");
        assertEquals(1, missing.code());
        assertEquals("neuromesh topology: /nonexistent.json: no such file\n", missing.err());
    }

    @Test
    void validateWithJsonPrintsTheSummaryOrTheErrorsAsJson(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("xor.json");
        Files.writeString(good, "{\"rev\":2,\"neurons\":[{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1}]}");
        Run ok = run("topology", "validate", good.toString(), "--json");
        assertEquals(0, ok.code(), ok.err());
        JsonObject summary = JsonParser.parseString(ok.out()).getAsJsonObject();
        assertTrue(summary.get("valid").getAsBoolean());
        assertEquals(2, summary.get("rev").getAsLong());
        assertEquals(1, summary.get("neurons").getAsInt());
        assertEquals(64, summary.get("hash").getAsString().length());
        assertEquals(0, summary.get("tickMs").getAsLong());

        Path ticked = dir.resolve("ticked.json");
        Files.writeString(ticked, "{\"rev\":2,\"tickMs\":50,\"neurons\":[]}");
        assertEquals(50, JsonParser.parseString(run("topology", "validate", ticked.toString(), "--json").out())
                .getAsJsonObject().get("tickMs").getAsLong());
        assertTrue(run("topology", "validate", ticked.toString()).out().contains("valid. rev 2, ticks of 50 ms, 0 neurons"));

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"rev\":0,\"neurons\":[]}");
        Run failed = run("topology", "validate", bad.toString(), "--json");
        assertEquals(1, failed.code());
        JsonObject errors = JsonParser.parseString(failed.out()).getAsJsonObject();
        assertFalse(errors.get("valid").getAsBoolean());
        assertTrue(errors.getAsJsonArray("errors").get(0).getAsString().startsWith("rev: "), failed.out());
        assertEquals("neuromesh topology: " + bad + ": 1 error(s)\n", failed.err());
    }

    @Test
    void completionPrintsABashAndZshScriptForEveryCommand() {
        Run run = run("completion");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("complete -F _complete_neuromesh -o default neuromesh"), run.out());
        assertTrue(run.out().endsWith("complete -F _complete_neuromesh -o default ./neuromesh\n"), run.out());
        assertTrue(run.out().contains("topology") && run.out().contains("rollback"), "subcommands are completed");
    }

    @Test
    void operatorCommandsSayWhenTheBrokerIsUnreachable() {
        Run run = run("fire", "x", "--broker", "tcp://127.0.0.1:1");
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("neuromesh fire: cannot reach the broker at tcp://127.0.0.1:1"), run.err());
    }

    @Test
    void applySaysWhatIsWrongWithTheFileBeforeWhatIsWrongWithTheBroker(@TempDir Path dir) throws Exception {
        // The file is checked while the connect goes on beside it: the file's error is the one reported.
        Path bad = Files.writeString(dir.resolve("bad.json"),
                "{\"rev\": 1, \"neurons\": [{\"id\": 7, \"threshold\": 1}]}");
        Run missing = run("topology", "apply", dir.resolve("none.json").toString(), "--broker", "tcp://127.0.0.1:1");
        Run invalid = run("topology", "apply", bad.toString(), "--broker", "tcp://127.0.0.1:1");

        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("neuromesh topology: " + dir.resolve("none.json") + ": no such file"),
                missing.err());
        assertEquals(1, invalid.code());
        assertTrue(invalid.err().startsWith("neuromesh topology: " + bad + ": 1 error(s)"), invalid.err());
        assertTrue(invalid.err().contains("neurons[0].id: must be a string, got number 7"), invalid.err());
    }

    @Test
    void aBrokerThatIsNotAnAddressIsAUsageError() {
        Run run = run("nodes", "--broker", "http://example.com");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("neuromesh nodes: --broker must look like tcp://host:port"), run.err());
    }

    @Test
    void workerAndEdgeRefuseAnUnknownTaskAtStartAndListTheKnownOnes(@TempDir Path dir) {
        for (String[] command : new String[][] {{"worker"}, {"edge", "--node", "n1", "--gpio", "off"}}) {
            String[] argv = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of(
                    "--tasks", "safe,http.fecth", "--task-dir", dir.toString(), "--broker", "tcp://127.0.0.1:1"))
                    .toArray(String[]::new);

            Run run = run(argv);

            assertEquals(2, run.code(), command[0] + ": " + run.err());
            assertTrue(run.err().contains("--tasks: unknown task 'http.fecth'; known tasks: echo, fail, http.fetch,"
                    + " noop, sleep, wordcount.count, wordcount.merge"), run.err());
        }
    }

    @Test
    void aWorkerRefusesATaskFolderOthersMayWriteAndSaysTheFix(@TempDir Path dir) throws Exception {
        Path tasks = Files.createDirectory(dir.resolve("tasks"));
        Files.setPosixFilePermissions(tasks, PosixFilePermissions.fromString("rwxrwxrwx"));

        Run run = run("worker", "--task-dir", tasks.toString(), "--broker", "tcp://127.0.0.1:1");

        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("task folder " + tasks + " is writable by group or others (rwxrwxrwx), so"
                + " another user could run code in this worker; fix: chmod go-w " + tasks), run.err());
    }

    @Test
    void haDiscoveryTakesAnOptionalPrefixAndRefusesAWildcardOneBeforeConnecting() {
        String help = run("edge", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--ha-discovery[=PREFIX]"), help);
        assertTrue(help.contains("(default when given without one: homeassistant; default: off)"), help);

        Run run = run("edge", "--node", "n1", "--gpio", "off", "--ha-discovery", "home/#",
                "--broker", "tcp://127.0.0.1:1");

        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--ha-discovery: the prefix must be topic levels of A-Z a-z 0-9 _ - separated"
                + " by / (no wildcards, no leading or trailing /), got \"home/#\""), run.err());
    }

    @Test
    void workerAndEdgeHelpSayThatOnlyTheSafeBuiltInsRunByDefault() {
        for (String command : new String[] {"worker", "edge"}) {
            String help = run(command, "--help").out().replaceAll("\\s+", " ");
            assertTrue(help.contains("--tasks=LIST tasks this worker runs, comma separated: task names and the keywords"
                    + " 'safe' (the built-ins that only compute: noop, echo, sleep, fail, wordcount.count,"
                    + " wordcount.merge), 'all' and 'none' (default: safe). Nothing that reaches the network runs"
                    + " unless named"), help);
            assertTrue(help.contains("--task-dir=DIR"), help);
        }
    }
}
