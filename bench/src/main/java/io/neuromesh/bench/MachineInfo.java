package io.neuromesh.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine a benchmark ran on, printed above the table and kept in the JSON so runs can be compared.
 *
 * @param cpuModel    the CPU model from {@code /proc/cpuinfo} ({@code unknown} elsewhere)
 * @param cpus        processors available to the JVM
 * @param memoryBytes physical memory in bytes ({@code MemTotal}), 0 when unknown
 * @param os          operating system name, version and architecture
 * @param jdk         JDK vendor and version
 * @param brokers     broker label to its version, e.g. {@code hivemq -> HiveMQ CE 2025.5}
 * @since 0.1
 */
public record MachineInfo(String cpuModel, int cpus, long memoryBytes, String os, String jdk,
                          Map<String, String> brokers) {

    /** Copies the broker map; the message names the field. */
    public MachineInfo {
        if (cpuModel == null || os == null || jdk == null) {
            throw new IllegalArgumentException("cpuModel, os and jdk: must not be null");
        }
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus: must be >= 1, got " + cpus);
        }
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memoryBytes: must be >= 0, got " + memoryBytes);
        }
        brokers = brokers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(brokers));
    }
}
