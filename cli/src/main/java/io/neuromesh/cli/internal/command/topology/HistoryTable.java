package io.neuromesh.cli.internal.command.topology;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.cli.internal.history.HistoryEntry;
import io.neuromesh.cli.internal.view.Table;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code topology history}: as a table, or as JSON. */
final class HistoryTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private HistoryTable() {
    }

    /**
     * @param entries newest first
     * @param zone    the zone to show times in
     * @return a header and one line per entry: rev, short hash, when applied, source, nodes
     */
    static List<String> lines(List<HistoryEntry> entries, ZoneId zone) {
        Table table = new Table("REV", "HASH", "APPLIED", "SOURCE", "NODES");
        for (HistoryEntry e : entries) {
            table.row(Long.toString(e.rev()), e.shortHash(), TIME.format(e.appliedAt().atZone(zone)), e.source(),
                    String.join(" ", e.nodes()));
        }
        return table.lines();
    }

    /**
     * @param entries newest first
     * @return a JSON array, newest first: {@code rev}, {@code hash} (full), {@code appliedAt} (ISO-8601 UTC),
     *         {@code source}, {@code nodes}, {@code file} (the saved document)
     */
    static JsonArray json(List<HistoryEntry> entries) {
        JsonArray array = new JsonArray();
        for (HistoryEntry e : entries) {
            JsonObject entry = new JsonObject();
            entry.addProperty("rev", e.rev());
            entry.addProperty("hash", e.hash());
            entry.addProperty("appliedAt", e.appliedAt().toString());
            entry.addProperty("source", e.source());
            JsonArray nodes = new JsonArray();
            e.nodes().forEach(nodes::add);
            entry.add("nodes", nodes);
            entry.addProperty("file", e.file().toString());
            array.add(entry);
        }
        return array;
    }
}
