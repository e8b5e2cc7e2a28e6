package io.neuromesh.bench.internal.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.bench.BenchReport;
import io.neuromesh.bench.MachineInfo;
import io.neuromesh.bench.ScenarioResult;

import java.util.Locale;

/** The JSON form of a report: stable field names with units, absent numbers omitted. */
public final class ReportJson {

    private ReportJson() {
    }

    /** Pretty-printed JSON of {@code report}. */
    public static String write(BenchReport report) {
        JsonObject root = new JsonObject();
        root.addProperty("started", report.started().toString());
        root.addProperty("wallTimeMs", Durations.millis(report.wallTime()));
        root.addProperty("mode", report.mode().name().toLowerCase(Locale.ROOT));
        root.add("machine", machine(report.machine()));
        JsonArray results = new JsonArray();
        report.results().forEach(r -> results.add(result(r)));
        root.add("results", results);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static JsonObject machine(MachineInfo machine) {
        JsonObject json = new JsonObject();
        json.addProperty("cpuModel", machine.cpuModel());
        json.addProperty("cpus", machine.cpus());
        json.addProperty("memoryBytes", machine.memoryBytes());
        json.addProperty("os", machine.os());
        json.addProperty("jdk", machine.jdk());
        JsonObject brokers = new JsonObject();
        machine.brokers().forEach(brokers::addProperty);
        json.add("brokers", brokers);
        return json;
    }

    private static JsonObject result(ScenarioResult r) {
        JsonObject json = new JsonObject();
        json.addProperty("scenario", r.scenario());
        json.addProperty("broker", r.broker());
        json.addProperty("samples", r.samples());
        if (r.p50() != null) {
            json.addProperty("p50Ms", Durations.millis(r.p50()));
        }
        if (r.p99() != null) {
            json.addProperty("p99Ms", Durations.millis(r.p99()));
        }
        if (r.value() != null) {
            json.addProperty("value", r.value());
            json.addProperty("unit", r.unit());
        }
        json.addProperty("target", r.target());
        json.addProperty("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
        if (!r.note().isEmpty()) {
            json.addProperty("note", r.note());
        }
        return json;
    }
}
