package io.neuromesh.bench.internal.report;

import io.neuromesh.bench.BenchReport;
import io.neuromesh.bench.MachineInfo;
import io.neuromesh.bench.ScenarioResult;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a report as the text table {@code neuromesh bench} prints. */
public final class ResultTable {

    private static final List<String> HEADER = List.of("SCENARIO", "BROKER", "N", "P50", "P99", "VALUE", "TARGET",
            "VERDICT");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ResultTable() {
    }

    /** The machine header, the table and the notes, each line ending with a newline. */
    public static String render(BenchReport report) {
        StringBuilder text = new StringBuilder();
        text.append(header(report));
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ScenarioResult result : report.results()) {
            rows.add(cells(result));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                boolean numeric = i >= 2 && i <= 5;
                String cell = row.get(i);
                String padded = numeric ? " ".repeat(widths[i] - cell.length()) + cell
                        : cell + " ".repeat(widths[i] - cell.length());
                line.append(padded).append(i + 1 < row.size() ? "  " : "");
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        List<ScenarioResult> noted = report.results().stream().filter(r -> !r.note().isEmpty()).toList();
        if (!noted.isEmpty()) {
            text.append('\n').append("notes:").append('\n');
            for (ScenarioResult result : noted) {
                text.append("- ").append(result.scenario()).append(" (").append(result.broker()).append(", ")
                        .append(result.verdict().name().toLowerCase(Locale.ROOT)).append("): ").append(result.note())
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static String header(BenchReport report) {
        MachineInfo machine = report.machine();
        String brokers = machine.brokers().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", "));
        return "Neuromesh bench, " + report.mode().name().toLowerCase(Locale.ROOT) + " mode, "
                + DATE.format(report.started()) + ", wall time " + Durations.format(report.wallTime()) + '\n'
                + "machine: " + machine.cpuModel() + ", " + machine.cpus() + " CPUs, "
                + String.format(Locale.ROOT, "%.1f GiB", machine.memoryBytes() / (1024.0 * 1024 * 1024)) + " RAM, "
                + machine.os() + ", " + machine.jdk() + '\n'
                + "brokers: " + (brokers.isEmpty() ? "-" : brokers) + "\n\n";
    }

    private static List<String> cells(ScenarioResult r) {
        return List.of(r.scenario(), r.broker(), r.samples() == 0 ? "-" : Integer.toString(r.samples()),
                r.p50() == null ? "-" : Durations.format(r.p50()), r.p99() == null ? "-" : Durations.format(r.p99()),
                r.value() == null ? "-" : Durations.number(r.value()) + " " + r.unit(), r.target(),
                r.verdict().name().toLowerCase(Locale.ROOT));
    }
}
