package io.neuromesh.cli.internal.command.topology;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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
        List<String> changes = TopologyDiff.between(running, next).describe();
        lines.addAll(changes.isEmpty() ? List.of("no changes") : changes);
        return List.copyOf(lines);
    }

    /**
     * @param running the topology retained on the broker, or null when none is
     * @param next    the topology of the file
     * @return {@code {"fromRev": 3 or null, "toRev": 4, "ignored": false, "changes": ["+ neuron c (...)", ...]}};
     *         {@code ignored} is true when runtimes would ignore the file's rev as not newer
     */
    static JsonObject json(Topology running, Topology next) {
        JsonObject result = new JsonObject();
        result.addProperty("fromRev", running == null ? null : running.rev());
        result.addProperty("toRev", next.rev());
        result.addProperty("ignored", running != null && next.rev() <= running.rev());
        JsonArray changes = new JsonArray();
        TopologyDiff.between(running, next).describe().forEach(changes::add);
        result.add("changes", changes);
        return result;
    }
}
