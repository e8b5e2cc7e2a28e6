package io.neuromesh.bench.internal.machine;

import io.neuromesh.bench.MachineInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Describes this machine from {@code /proc} and the JVM's system properties. */
public final class MachineProbe {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private MachineProbe() {
    }

    /** This machine, with the given broker versions. */
    public static MachineInfo describe(Map<String, String> brokers) {
        return new MachineInfo(cpuModel(lines(CPUINFO)), Runtime.getRuntime().availableProcessors(),
                memoryBytes(lines(MEMINFO)),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"), brokers);
    }

    /** The first {@code model name} of a {@code /proc/cpuinfo}, or {@code unknown}. */
    static String cpuModel(List<String> cpuinfo) {
        return cpuinfo.stream().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown");
    }

    /** {@code MemTotal} of a {@code /proc/meminfo} in bytes, or 0. */
    static long memoryBytes(List<String> meminfo) {
        for (String line : meminfo) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        return 0;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
