package io.neuromesh.cli.internal.command.topology;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.neuromesh.cli.internal.Cli;
import io.neuromesh.cli.internal.history.TopologyHistory;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of {@code topology} that need no broker: argument checks, file errors, the history listing. */
class TopologyCommandTest {

    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... argv) {
        TopologyHistory history = new TopologyHistory(home);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == TopologyCommand.class ? type.cast(new TopologyCommand(history))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[argv.length + 1];
        all[0] = "topology";
        System.arraycopy(argv, 0, all, 1, argv.length);
        int code = Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), factory);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void record(int revs) {
        TopologyHistory history = new TopologyHistory(home);
        for (long rev = 1; rev <= revs; rev++) {
            byte[] json = ("{\"rev\":" + rev + ",\"neurons\":[{\"id\":\"a\",\"node\":\"n1\",\"threshold\":" + rev
                    + "}]}").getBytes(StandardCharsets.UTF_8);
            history.record(Topology.parse(json), json, List.of("n1"), "/work/t" + rev + ".json", Instant.now());
        }
    }

    @Test
    void historySaysWhereItRecordsWhenNothingIsRecordedYet() {
        assertEquals("no topology recorded yet in " + home.resolve("history") + "; each topology apply or rollback"
                + " that every online node applied is recorded there\n", run("history").out());
        assertEquals("[]\n", run("history", "--json").out());
    }

    @Test
    void historyListsTheRecordedRevisionsNewestFirst() {
        record(2);
        String[] lines = run("history").out().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("REV  HASH"), lines[0]);
        assertTrue(lines[1].startsWith("2  ") && lines[1].endsWith("/work/t2.json  n1"), lines[1]);
        assertTrue(lines[2].startsWith("1  ") && lines[2].endsWith("/work/t1.json  n1"), lines[2]);
    }

    @Test
    void historyWithJsonListsTheSameEntriesAsJson() {
        record(2);
        JsonArray entries = JsonParser.parseString(run("history", "--json").out()).getAsJsonArray();
        assertEquals(2, entries.size());
        assertEquals(2, entries.get(0).getAsJsonObject().get("rev").getAsLong());
        assertEquals("/work/t2.json", entries.get(0).getAsJsonObject().get("source").getAsString());
        assertEquals("n1", entries.get(1).getAsJsonObject().getAsJsonArray("nodes").get(0).getAsString());
        assertEquals(64, entries.get(1).getAsJsonObject().get("hash").getAsString().length());
        Instant.parse(entries.get(1).getAsJsonObject().get("appliedAt").getAsString());
    }

    @Test
    void diffShowsTheFileErrorsBeforeItContactsTheBroker() throws Exception {
        Path bad = Files.writeString(home.resolve("bad.json"), "{\"rev\":0,\"neurons\":[]}");
        Run run = run("diff", bad.toString(), "--broker", "tcp://127.0.0.1:1");
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("neuromesh topology: " + bad + ": 1 error(s)"), run.err());
        assertTrue(run.err().contains("  rev: "), run.err());
    }

    @Test
    void rejectsARollbackTargetThatIsNotARev() {
        Run run = run("rollback", "--to", "two");
        assertEquals(2, run.code());
        assertEquals("neuromesh topology rollback: --to must be a rev from 1 to " + Topology.MAX_REV
                + ", got 'two'; see ./neuromesh topology rollback --help\n", run.err());
        assertEquals(2, run("rollback", "--to", "0").code());
    }

    @Test
    void rejectsUnknownActionsAndExtraArguments() {
        Run unknown = run("undo");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("neuromesh topology: Unknown subcommand 'undo'")
                || unknown.err().startsWith("neuromesh topology: Unmatched argument"), unknown.err());
        Run extra = run("history", "x.json");
        assertEquals(2, extra.code());
        assertTrue(extra.err().contains("'x.json'"), extra.err());
        Run none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("neuromesh topology: Missing required subcommand"), none.err());
    }
}
