package io.neuromesh.cli.internal.command;

import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyDiff;

import java.util.ArrayList;
import java.util.List;

/** The lines of {@code topology diff}: the rev change, then what would change element by element. */
final class TopologyDiffReport {

    private TopologyDiffReport() {
    }

    /**
     * @param running the topology retained on the broker, or null when none is
     * @param next    the topology of the file
     * @return a rev line ({@code rev 3 -> 4}), a note when runtimes would ignore the file's rev, then the lines of
     *         {@link TopologyDiff#describe()} or {@code no changes}
     */
    static List<String> lines(Topology running, Topology next) {
        List<String> lines = new ArrayList<>();
        if (running == null) {
            lines.add("rev none -> " + next.rev() + " (no topology is retained on the broker)");
        } else {
            lines.add("rev " + running.rev() + " -> " + next.rev());
            if (next.rev() <= running.rev()) {
                lines.add("note: runtimes ignore rev " + next.rev() + ": it is not newer than the running rev "
                        + running.rev() + "; raise \"rev\" before you apply it");
            }
        }
        TopologyDiff diff = TopologyDiff.between(running, next);
        if (diff.isEmpty()) {
            lines.add("no changes");
        } else {
            lines.addAll(diff.describe());
        }
        return List.copyOf(lines);
    }
}
