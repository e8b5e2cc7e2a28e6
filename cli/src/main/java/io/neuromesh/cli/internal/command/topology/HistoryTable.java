package io.neuromesh.cli.internal.command.topology;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.cli.internal.view.Table;
import io.neuromesh.edge.wire.AppliedHistory;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code topology history}: as a table, or as JSON. */
final class HistoryTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private HistoryTable() {
    }

    /**
     * @param running the hash every online node runs, "" when they do not run one together
     * @param zone    the zone to show times in
     * @return a header and one line per revision, newest first: {@code *} on the running one, rev, short hash, name,
     *         when applied, the nodes
     */
    static List<String> lines(AppliedHistory history, String running, ZoneId zone) {
        Table table = new Table("", "REV", "HASH", "NAME", "APPLIED", "NODES");
        for (AppliedHistory.Revision r : history.revisions()) {
            table.row(r.hash().equals(running) ? "*" : "", Long.toString(r.rev()), r.shortHash(),
                    r.name().isEmpty() ? "-" : r.name(), TIME.format(r.appliedAt().atZone(zone)),
                    String.join(" ", r.nodes()));
        }
        return table.lines();
    }

    /**
     * @param running the hash every online node runs, "" when they do not run one together
     * @return a JSON array, newest first: {@code rev}, {@code hash} (full), {@code name}, {@code appliedAt} (ISO-8601
     *         UTC), {@code nodes}, {@code running}
     */
    static JsonArray json(AppliedHistory history, String running) {
        JsonArray array = new JsonArray();
        for (AppliedHistory.Revision r : history.revisions()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("rev", r.rev());
            entry.addProperty("hash", r.hash());
            entry.addProperty("name", r.name());
            entry.addProperty("appliedAt", r.appliedAt().toString());
            JsonArray nodes = new JsonArray();
            r.nodes().forEach(nodes::add);
            entry.add("nodes", nodes);
            entry.addProperty("running", r.hash().equals(running));
            array.add(entry);
        }
        return array;
    }
}
