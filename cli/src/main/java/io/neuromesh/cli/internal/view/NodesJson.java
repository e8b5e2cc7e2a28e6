package io.neuromesh.cli.internal.view;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.neuromesh.edge.FleetClient.NodeStatus;

import java.util.Collection;
import java.util.Comparator;

/** {@code neuromesh nodes --json}: every node's status document as the node published it, sorted by node. */
public final class NodesJson {

    private NodesJson() {
    }

    /** @return a JSON array of the status documents */
    public static JsonArray of(Collection<NodeStatus> statuses) {
        JsonArray array = new JsonArray();
        statuses.stream().sorted(Comparator.comparing(NodeStatus::node))
                .forEach(status -> array.add(JsonParser.parseString(status.json())));
        return array;
    }
}
