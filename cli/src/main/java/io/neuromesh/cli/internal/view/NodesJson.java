package io.neuromesh.cli.internal.view;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;

import java.nio.charset.StandardCharsets;

import java.util.Collection;
import java.util.Comparator;

/** {@code neuromesh nodes --json}: every node's status document in the wire format (docs/wire.md), sorted by node. */
public final class NodesJson {

    private NodesJson() {
    }

    /** @return a JSON array of the status documents */
    public static JsonArray of(Collection<NodeStatus> statuses) {
        JsonArray array = new JsonArray();
        statuses.stream().sorted(Comparator.comparing(NodeStatus::node))
                .forEach(status -> array.add(JsonParser.parseString(
                        new String(NodeStatusCodec.encode(status), StandardCharsets.UTF_8))));
        return array;
    }
}
