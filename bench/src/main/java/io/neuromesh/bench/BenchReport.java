package io.neuromesh.bench;

import io.neuromesh.bench.internal.report.ReportJson;
import io.neuromesh.bench.internal.report.ResultTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one benchmark run measured. Immutable.
 *
 * @param started  when the run started
 * @param wallTime how long the whole run took
 * @param mode     the mode it ran in
 * @param machine  the machine it ran on
 * @param results  one row per measurement, in the order they were taken
 * @since 0.1
 */
public record BenchReport(Instant started, Duration wallTime, BenchMode mode, MachineInfo machine,
                          List<ScenarioResult> results) {

    /** Copies the results; the message names the field. */
    public BenchReport {
        if (started == null || wallTime == null || mode == null || machine == null) {
            throw new IllegalArgumentException("started, wallTime, mode and machine: must not be null");
        }
        results = List.copyOf(results);
    }

    /** The machine header, the table and one note per row that has one (what stands in the way when missed). */
    public String table() {
        return ResultTable.render(this);
    }

    /**
     * The report as JSON: {@code {"started":"<ISO-8601>","wallTimeMs":..,"mode":"quick","machine":{..},
     * "results":[{"scenario":..,"broker":..,"samples":..,"p50Ms":..,"p99Ms":..,"value":..,"unit":..,"target":..,
     * "verdict":"met",..}]}}; absent numbers are omitted.
     */
    public String toJson() {
        return ReportJson.write(this);
    }

    /** Writes {@link #toJson()} to {@code file} (UTF-8, replacing it). */
    public void writeJson(Path file) throws IOException {
        Files.writeString(file, toJson() + System.lineSeparator(), StandardCharsets.UTF_8);
    }
}
