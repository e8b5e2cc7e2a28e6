package io.neuromesh.cli;

import io.neuromesh.cli.internal.Cli;
import picocli.CommandLine;

import java.io.PrintStream;

/**
 * The {@code neuromesh} command line. Exit codes: 0 success, 1 the command failed (one-line reason on stderr),
 * 2 the command line was wrong (what, and a suggestion when a command or option looks mistyped).
 *
 * @since 0.1
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    /**
     * Runs one command line in this JVM.
     *
     * @return the exit code
     */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        return Cli.run(argv, out, err, CommandLine.defaultFactory());
    }
}
