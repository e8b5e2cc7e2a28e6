package io.neuromesh.cli.internal.view;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns as wide as their widest cell, two spaces apart, the last column not padded. */
public final class Table {

    private final List<List<String>> rows = new ArrayList<>();

    /** @param header the column titles; every row has as many cells */
    public Table(String... header) {
        rows.add(List.of(header));
    }

    public void row(String... cells) {
        if (cells.length != rows.get(0).size()) {
            throw new IllegalArgumentException("a row has " + rows.get(0).size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
    }

    /** @return the header line, then one line per row, without trailing spaces */
    public List<String> lines() {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row.get(c) : String.format("%-" + widths[c] + "s  ", row.get(c)));
            }
            lines.add(line.toString().stripTrailing());
        }
        return List.copyOf(lines);
    }
}
