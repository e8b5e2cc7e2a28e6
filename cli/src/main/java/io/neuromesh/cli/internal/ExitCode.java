package io.neuromesh.cli.internal;

/** The exit codes of {@code neuromesh}. */
public final class ExitCode {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran and failed; a one-line reason is on stderr. */
    public static final int FAILED = 1;
    /** The command line was wrong; stderr says what, and where its help is. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
