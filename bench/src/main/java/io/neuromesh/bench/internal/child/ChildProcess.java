package io.neuromesh.bench.internal.child;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A process the bench started: its standard output is read line by line, its standard error goes to a temporary
 * file whose last line explains a failure. Closing stops it (SIGTERM, then SIGKILL after a grace period) and deletes
 * the file.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final Path stderr;
    private final PrintWriter stdin;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        Thread.ofPlatform().daemon().name("bench-child-" + process.pid() + "-stdout").start(this::readLines);
    }

    /** Starts {@code command}. */
    public static ChildProcess start(List<String> command) throws IOException {
        return start(command, Map.of(), List.of());
    }

    /** Starts {@code command} with these environment variables set and those in {@code unset} removed. */
    public static ChildProcess start(List<String> command, Map<String, String> env, List<String> unset)
            throws IOException {
        Path stderr = Files.createTempFile("neuromesh-bench-child", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        unset.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        return new ChildProcess(builder.start(), stderr);
    }

    /** Its process id (the JVM's own when started through the launcher, which execs java). */
    public long pid() {
        return process.pid();
    }

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The process ended or was killed: nothing more to read.
        }
    }

    /**
     * Waits for a line of its standard output that matches {@code wanted}, dropping the lines before it.
     *
     * @throws TimeoutException when none arrives within {@code timeout}, or the process ends first; the message has
     *                          the last line of its standard error
     */
    public String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.min(100_000_000L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line != null) {
                if (wanted.test(line)) {
                    return line;
                }
                continue;
            }
            if (!process.isAlive() && lines.isEmpty()) {
                throw new TimeoutException("the process ended with status " + process.exitValue() + lastError());
            }
            if (System.nanoTime() >= deadline) {
                throw new TimeoutException("no answer within " + timeout.toMillis() + " ms" + lastError());
            }
        }
    }

    /** Sends one line to its standard input. */
    public void send(String line) {
        stdin.println(line);
    }

    /** Whether it still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code timeout} for it to end; its exit status, or empty when it still runs. */
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    /** {@code "; stderr: <last line>"}, or empty when it wrote nothing there. */
    public String lastError() {
        try {
            List<String> errors = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            return errors.isEmpty() ? "" : "; stderr: " + errors.get(errors.size() - 1).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        stdin.close();
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            stderr.toFile().deleteOnExit();
        }
    }
}
