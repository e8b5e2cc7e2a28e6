package io.neuromesh.bench.internal.report;

import io.neuromesh.bench.BenchMode;
import io.neuromesh.bench.BenchReport;
import io.neuromesh.bench.MachineInfo;
import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultTableTest {

    private static BenchReport report() {
        MachineInfo machine = new MachineInfo("Test CPU", 2, 8L << 30, "Linux 6.1 amd64", "Temurin 21",
                Map.of("hivemq", "HiveMQ CE 2025.5"));
        return new BenchReport(Instant.parse("2026-01-02T03:04:05Z"), Duration.ofSeconds(95), BenchMode.QUICK, machine,
                List.of(new ScenarioResult("xor sensor->z", "hivemq", 200, Duration.ofNanos(784_000),
                                Duration.ofMillis(4), null, null, "p50 <= 2 ms", Verdict.MET, ""),
                        new ScenarioResult("flows-noop", "hivemq", 2, null, null, 7203.4, "tasks/s",
                                ">= 10,000 tasks/s", Verdict.MISSED, "Paho's per-message work dominates")));
    }

    @Test
    void printsTheMachineThenOneAlignedRowPerResultThenTheNotes() {
        List<String> lines = ResultTable.render(report()).lines().toList();

        assertEquals("Neuromesh bench, quick mode, 2026-01-02 03:04 UTC, wall time 95.00 s", lines.get(0));
        assertEquals("machine: Test CPU, 2 CPUs, 8.0 GiB RAM, Linux 6.1 amd64, Temurin 21", lines.get(1));
        assertEquals("brokers: hivemq = HiveMQ CE 2025.5", lines.get(2));
        assertEquals("SCENARIO       BROKER    N       P50      P99          VALUE  TARGET             VERDICT",
                lines.get(4));
        assertEquals("xor sensor->z  hivemq  200  0.784 ms  4.00 ms              -  p50 <= 2 ms        met",
                lines.get(5));
        assertEquals("flows-noop     hivemq    2         -        -  7,203 tasks/s  >= 10,000 tasks/s  missed",
                lines.get(6));
        assertEquals("- flows-noop (hivemq, missed): Paho's per-message work dominates", lines.get(9));
    }

    @Test
    void writesJsonWithUnitsInTheKeysAndWithoutAbsentNumbers() {
        String json = ReportJson.write(report());

        assertTrue(json.contains("\"p50Ms\": 0.784"), json);
        assertTrue(json.contains("\"value\": 7203.4,\n      \"unit\": \"tasks/s\""), json);
        assertTrue(json.contains("\"memoryBytes\": 8589934592"), json);
        assertTrue(json.contains("\"verdict\": \"missed\""), json);
        assertEquals(1, json.split("\"p50Ms\"").length - 1, "only the latency row has percentiles");
    }

    @Test
    void formatsDurationsWithTheUnitThatReadsBest() {
        assertEquals("0.065 ms", Durations.format(Duration.ofNanos(65_000)));
        assertEquals("2.19 ms", Durations.format(Duration.ofNanos(2_190_000)));
        assertEquals("358.3 ms", Durations.format(Duration.ofNanos(358_300_000)));
        assertEquals("3.95 s", Durations.format(Duration.ofMillis(3_950)));
    }
}
