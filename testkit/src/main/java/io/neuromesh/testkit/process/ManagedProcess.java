package io.neuromesh.testkit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * An OS process started by a test, its stdout and stderr captured in one log file, with the signals fleet tests need
 * (SIGTERM, SIGKILL, SIGSTOP, SIGCONT). Destroyed on JVM exit if the test forgets.
 */
public final class ManagedProcess implements AutoCloseable {

    /** A finished process: its exit code and everything it printed. */
    public record Result(int exitCode, String output) {
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code dir} with {@code NEUROMESH_NO_BUILD=1} and a private {@code NEUROMESH_HOME}. */
    public static ManagedProcess start(String name, List<String> command, Path dir, Path log) throws IOException {
        return start(name, command, dir, log, Map.of(), null);
    }

    /**
     * As {@link #start(String, List, Path, Path)}, with more environment variables (e.g. {@code NEUROMESH_PASSWORD})
     * and, when {@code stdin} is not null, that text on standard input (then closed).
     */
    public static ManagedProcess start(String name, List<String> command, Path dir, Path log, Map<String, String> env,
                                       String stdin) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("NEUROMESH_NO_BUILD", "1");
        // The CLI keeps a topology history in $NEUROMESH_HOME: tests must not write into the user's own.
        builder.environment().put("NEUROMESH_HOME", log.getParent().resolve("home").toString());
        builder.environment().remove("NEUROMESH_BROKER");
        builder.environment().remove("NEUROMESH_USER");
        builder.environment().remove("NEUROMESH_PASSWORD");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (stdin != null) {
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new ManagedProcess(name, process, log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the output matches {@code regex} (find); fails with the output when it does not in time. */
    public void awaitOutput(String regex, Duration timeout) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pattern.matcher(output()).find()) {
            if (!process.isAlive() && !pattern.matcher(output()).find()) {
                throw new AssertionError(name + " exited (" + process.exitValue() + ") before printing /" + regex
                        + "/:\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not print /" + regex + "/ within " + timeout.toMillis()
                        + " ms:\n" + output());
            }
            Thread.sleep(20);
        }
    }

    /** Waits for the process to exit; kills it and fails if it takes longer than {@code timeoutSeconds}. */
    public Result awaitExit(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not exit within " + timeoutSeconds + " s:\n" + output());
        }
        return new Result(process.exitValue(), output());
    }

    /** Sends a POSIX signal by name (TERM, KILL, STOP, CONT). */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** SIGKILL: no shutdown hooks, no clean disconnect; the broker publishes the Last Will. */
    public void kill9() throws IOException, InterruptedException {
        signal("KILL");
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL if it has not exited after a grace period; idempotent. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The same as {@link #stop()}, so that a {@link io.neuromesh.testkit.fleet.TestFleet} can own the process. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
