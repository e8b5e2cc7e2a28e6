package io.neuromesh.cli.it;

import io.neuromesh.cli.internal.Cli;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs a command in-process, as Main runs it, against a broker; for ITs that check what a command prints. */
final class InProcessCli {

    private InProcessCli() {
    }

    /** @return what the command printed; fails the test unless it exits 0 */
    static String run(String brokerUri, String... argv) {
        return run(brokerUri, 0, argv).out();
    }

    /** @return what the command printed on standard error; fails the test unless it exits 1 (the command failed) */
    static String failing(String brokerUri, String... argv) {
        return run(brokerUri, 1, argv).err();
    }

    private record Printed(String out, String err) {
    }

    private static Printed run(String brokerUri, int expectedCode, String... argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        args.addAll(List.of("--broker", brokerUri));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CommandLine.defaultFactory());
        Printed printed = new Printed(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertEquals(expectedCode, code, String.join(" ", argv) + ": " + printed.out() + printed.err());
        return printed;
    }
}
