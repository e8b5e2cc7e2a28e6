package io.neuromesh.cli.internal.command.topology;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyDiff;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@code topology diff}: the fleet's warnings, the rev change as {@code apply} would make it, then what
 * would change element by element.
 *
 * @param warnings what is not of one mind in the fleet ({@link io.neuromesh.cli.internal.fleet.FleetWarnings})
 * @param running  what the fleet runs, or null when no online node runs a topology
 * @param next     the topology of the file
 * @param plan     what apply would do with it
 */
record TopologyDiffReport(List<String> warnings, Topology running, Topology next, PublishPlan plan) {

    /**
     * @return the warnings, a rev line ({@code rev 3 -> 4}, {@code rev none -> 1}), a note when apply would renumber
     *         the file or publishes nothing, then the lines of {@link TopologyDiff#describe()} or {@code no changes}
     */
    List<String> lines() {
        List<String> lines = new ArrayList<>(warnings);
        long to = plan.topology().rev();
        if (running == null) {
            lines.add("rev none -> " + to + " (no online node runs a topology)");
        } else if (plan.alreadyRunning()) {
            lines.add("rev " + running.rev() + " (apply publishes nothing: the fleet runs this network)");
        } else {
            lines.add("rev " + running.rev() + " -> " + to);
        }
        plan.revNote("the file").ifPresent(note -> lines.add("note: " + note));
        List<String> changes = changes();
        lines.addAll(changes.isEmpty() ? List.of("no changes") : changes);
        return List.copyOf(lines);
    }

    /**
     * @return {@code {"fromRev": 3 or null, "toRev": 4, "fileRev": 1, "publishes": true, "changes": [...],
     *         "warnings": [...]}}: {@code toRev} is the rev apply would publish it as, {@code publishes} false when
     *         apply would publish nothing
     */
    JsonObject json() {
        JsonObject result = new JsonObject();
        result.addProperty("fromRev", running == null ? null : running.rev());
        result.addProperty("toRev", plan.topology().rev());
        result.addProperty("fileRev", next.rev());
        result.addProperty("publishes", !plan.alreadyRunning());
        JsonArray changes = new JsonArray();
        changes().forEach(changes::add);
        result.add("changes", changes);
        JsonArray warned = new JsonArray();
        warnings.forEach(warned::add);
        result.add("warnings", warned);
        return result;
    }

    private List<String> changes() {
        return TopologyDiff.between(running, next).describe();
    }
}
