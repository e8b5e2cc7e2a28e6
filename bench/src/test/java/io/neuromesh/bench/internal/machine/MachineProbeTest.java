package io.neuromesh.bench.internal.machine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MachineProbeTest {

    @Test
    void readsTheCpuModelFromCpuinfo() {
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: GenuineIntel",
                "model name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", "processor\t: 1");

        assertEquals("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", MachineProbe.cpuModel(cpuinfo));
        assertEquals("unknown", MachineProbe.cpuModel(List.of()));
    }

    @Test
    void readsTheTotalMemoryInBytesFromMeminfo() {
        List<String> meminfo = List.of("MemTotal:       24591876 kB", "MemFree:        20000000 kB");

        assertEquals(24_591_876L * 1024, MachineProbe.memoryBytes(meminfo));
        assertEquals(0, MachineProbe.memoryBytes(List.of("MemFree: 1 kB")));
    }
}
