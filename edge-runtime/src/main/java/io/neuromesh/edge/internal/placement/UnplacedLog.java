package io.neuromesh.edge.internal.placement;

import org.tinylog.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Says when a neuron starts to run nowhere (with why) and when it runs again: once per change, not at every
 * placement, so a fleet that stays short of a label logs it once. Confined to the thread that places (the brain's).
 */
public final class UnplacedLog {

    private final String node;
    private Map<String, String> reasons = Map.of();

    /** @param node the node that logs, named in every line */
    public UnplacedLog(String node) {
        this.node = node;
    }

    /** Logs what changed since the previous placement's unplaced neurons. */
    public void report(List<Unplaced> unplaced) {
        Map<String, String> now = new HashMap<>();
        for (Unplaced u : unplaced) {
            now.put(u.neuron(), u.reason());
            if (!u.reason().equals(reasons.get(u.neuron()))) {
                Logger.warn("node {}: neuron {} runs nowhere: {}", node, u.neuron(), u.reason());
            }
        }
        for (String neuron : reasons.keySet()) {
            if (!now.containsKey(neuron)) {
                Logger.info("node {}: neuron {} can be placed again", node, neuron);
            }
        }
        reasons = now;
    }
}
