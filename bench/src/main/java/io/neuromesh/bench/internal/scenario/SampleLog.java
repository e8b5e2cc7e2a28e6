package io.neuromesh.bench.internal.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every timed sample with its wall-clock time, appended to the file named by {@value #ENV} when set: to line up the
 * slow samples with what the edge processes did then (their flight recordings use the same clock). One line per
 * sample: the publish time (ISO-8601, microseconds), the latency in microseconds, and what was observed. Nothing is
 * written while measuring: the lines are kept and appended after the run.
 */
final class SampleLog {

    static final String ENV = "NEUROMESH_BENCH_SAMPLE_LOG";

    private final Path file;
    private final String label;
    private final List<String> lines = new ArrayList<>();
    /** Wall clock at {@link #base}: nanoTime values become wall-clock times without a clock read per sample. */
    private final Instant baseWall = Instant.now();
    private final long base = System.nanoTime();

    private SampleLog(Path file, String label) {
        this.file = file;
        this.label = label;
    }

    /** @return a log for the samples of {@code label}, or null when {@value #ENV} is not set */
    static SampleLog open(String label) {
        String path = System.getenv(ENV);
        return path == null || path.isBlank() ? null : new SampleLog(Path.of(path), label);
    }

    /** A sample published at {@code startNanos} ({@link System#nanoTime()}) that took {@code nanos}. */
    void add(long startNanos, long nanos) {
        lines.add(baseWall.plusNanos(startNanos - base) + " " + nanos / 1000 + " " + label);
    }

    /** Appends the samples to the file. */
    void write() {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample log " + file, e);
        }
    }
}
