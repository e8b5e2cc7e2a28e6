package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.history.HistoryEntry;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The lines of {@code topology history}. */
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
}
