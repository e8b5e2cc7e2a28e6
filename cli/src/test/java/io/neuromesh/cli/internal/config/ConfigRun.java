package io.neuromesh.cli.internal.config;

import io.neuromesh.cli.internal.Cli;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs or parses command lines in-process with an environment of the test's own, never the machine's. */
final class ConfigRun {

    record Run(int code, String out, String err) {
    }

    private ConfigRun() {
    }

    /** A default config path that does not exist, so the machine's /etc/neuromesh is never read. */
    static Environment environment(Path dir, Map<String, String> variables) {
        return new Environment(variables, dir.resolve("absent-default.conf"));
    }

    static Run run(Environment environment, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CommandLine.defaultFactory(), environment);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Parses {@code argv} without running it.
     *
     * @return the value the option {@code option} of the command {@code command} (e.g. "topology apply") got
     */
    static Object parsed(Environment environment, String command, String option, String... argv) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine root = Cli.create(sink, sink, CommandLine.defaultFactory(), environment);
        root.parseArgs(argv);
        CommandLine target = root;
        for (String name : command.split(" ")) {
            target = target.getSubcommands().get(name);
        }
        return target.getCommandSpec().findOption(option).getValue();
    }
}
