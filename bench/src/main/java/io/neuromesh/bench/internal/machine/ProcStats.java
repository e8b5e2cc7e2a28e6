package io.neuromesh.bench.internal.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time and resident memory of a process, read from Linux's {@code /proc/<pid>/stat} and {@code status}.
 *
 * @param cpu the user plus system CPU time the process used since it started
 * @param rssBytes its resident set size now, in bytes
 */
public record ProcStats(Duration cpu, long rssBytes) {

    /** The kernel's clock ticks per second for {@code /proc/<pid>/stat} times ({@code USER_HZ}, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    /** The numbers of process {@code pid} now. */
    public static ProcStats of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        return new ProcStats(cpu(Files.readString(proc.resolve("stat"))), rss(Files.readString(proc.resolve("status"))));
    }

    /** Whether this machine has {@code /proc} (Linux). */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** The CPU time in a {@code /proc/<pid>/stat} line: fields 14 (utime) and 15 (stime), counted after the name. */
    static Duration cpu(String stat) {
        // The name (field 2) is in parentheses and may contain spaces: count fields after its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    /** The {@code VmRSS} of a {@code /proc/<pid>/status} text, in bytes. */
    static long rss(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split(" +")[0]) * 1024;
            }
        }
        throw new IllegalArgumentException("no VmRSS line in the process status");
    }

    /** The share of one core used between {@code earlier} and this, over {@code elapsed}, in percent. */
    public double cpuPercentSince(ProcStats earlier, Duration elapsed) {
        return 100.0 * cpu.minus(earlier.cpu).toNanos() / elapsed.toNanos();
    }
}
