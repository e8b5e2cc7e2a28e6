package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.history.TopologyHistory;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of {@code topology} that need no broker: argument checks, file errors, the history listing. */
class TopologyCommandTest {

    @TempDir
    Path home;

    private String run(String... argv) {
        TopologyCommand command = new TopologyCommand(new TopologyHistory(home));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.run(Args.parse("topology", List.of(argv), command.options()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void historySaysWhereItRecordsWhenNothingIsRecordedYet() {
        assertEquals("no topology recorded yet in " + home.resolve("history") + "; each topology apply or rollback"
                + " that every online node applied is recorded there\n", run("history"));
    }

    @Test
    void historyListsTheRecordedRevisionsNewestFirst() {
        TopologyHistory history = new TopologyHistory(home);
        for (long rev = 1; rev <= 2; rev++) {
            byte[] json = ("{\"rev\":" + rev + ",\"neurons\":[{\"id\":\"a\",\"node\":\"n1\",\"threshold\":" + rev
                    + "}]}").getBytes(StandardCharsets.UTF_8);
            history.record(Topology.parse(json), json, List.of("n1"), "/work/t" + rev + ".json", Instant.now());
        }
        String[] lines = run("history").split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("REV  HASH"), lines[0]);
        assertTrue(lines[1].startsWith("2  ") && lines[1].endsWith("/work/t2.json  n1"), lines[1]);
        assertTrue(lines[2].startsWith("1  ") && lines[2].endsWith("/work/t1.json  n1"), lines[2]);
    }

    @Test
    void diffShowsTheFileErrorsBeforeItContactsTheBroker() throws Exception {
        Path bad = Files.writeString(home.resolve("bad.json"), "{\"rev\":0,\"neurons\":[]}");
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> run("diff", bad.toString(), "--broker", "tcp://127.0.0.1:1"));
        assertTrue(e.getMessage().startsWith(bad + ": 1 error(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("  rev: "), e.getMessage());
    }

    @Test
    void rejectsARollbackTargetThatIsNotARev() {
        UsageException e = assertThrows(UsageException.class, () -> run("rollback", "--to", "two"));
        assertEquals("--to must be a rev from 1 to " + Topology.MAX_REV + ", got 'two'", e.getMessage());
        assertThrows(UsageException.class, () -> run("rollback", "--to", "0"));
    }

    @Test
    void rejectsUnknownActionsAndExtraArguments() {
        assertEquals("unknown action 'undo'; use validate, apply, diff, rollback or history",
                assertThrows(UsageException.class, () -> run("undo")).getMessage());
        assertEquals("unexpected argument 'x.json'",
                assertThrows(UsageException.class, () -> run("history", "x.json")).getMessage());
        assertEquals("missing an action: validate, apply, diff, rollback or history",
                assertThrows(UsageException.class, () -> run()).getMessage());
    }
}
