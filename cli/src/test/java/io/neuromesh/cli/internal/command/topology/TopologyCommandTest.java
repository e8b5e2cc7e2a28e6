package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.Cli;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of {@code topology} that need no broker: argument checks and file errors. */
class TopologyCommandTest {

    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[argv.length + 1];
        all[0] = "topology";
        System.arraycopy(argv, 0, all, 1, argv.length);
        int code = Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CommandLine.defaultFactory());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
