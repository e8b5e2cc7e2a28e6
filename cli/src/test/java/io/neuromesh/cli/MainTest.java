package io.neuromesh.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theOverviewListsEveryContractCommand() {
        Run help = run("--help");
        assertEquals(0, help.code());
        for (String command : new String[] {"demo", "test", "broker", "edge", "topology", "fire", "send", "watch",
                "logs", "inspect"}) {
            assertTrue(help.out().contains("  " + command + " "), command + " in\n" + help.out());
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"demo", "broker", "edge", "topology", "fire", "send", "watch", "logs",
                "inspect"}) {
            Run help = run(command, "--help");
            assertEquals(0, help.code(), command);
            assertTrue(help.out().startsWith("usage: ./neuromesh " + command), help.out());
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Run run = run("frobnicate");
        assertEquals(2, run.code());
        assertEquals("neuromesh: unknown command 'frobnicate'; see ./neuromesh --help\n", run.err());
    }

    @Test
    void aMissingArgumentIsAUsageErrorWithAHint() {
        Run run = run("send", "x", "--value", "1");
        assertEquals(2, run.code());
        assertEquals("neuromesh send: missing --from; see ./neuromesh send --help\n", run.err());
    }

    @Test
    void validatePrintsASummaryOrEveryErrorAndFailsOnBadFiles() throws Exception {
        Path good = Files.createTempFile("xor", ".json");
        Files.writeString(good, "{\"rev\":1,\"neurons\":[{\"id\":\"a\",\"node\":\"n1\",\"threshold\":1}]}");
        Run ok = run("topology", "validate", good.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("valid. rev 1, 1 neurons, 0 synapses"), ok.out());

        Path bad = Files.createTempFile("bad", ".json");
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
    void operatorCommandsSayWhenTheBrokerIsUnreachable() {
        Run run = run("fire", "x", "--broker", "tcp://127.0.0.1:1");
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("neuromesh fire: cannot reach the broker at tcp://127.0.0.1:1"), run.err());
    }
}
