package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;

/**
 * One node's answer to the clear-logs request on {@code neuromesh/request/clear-logs} ({@link ClearLogsCodec}): it
 * forgot its recent events.
 *
 * @param node the node that cleared its events
 * @since 0.1
 */
public record ClearLogsReply(String node) {

    public ClearLogsReply {
        Ids.require("node", node);
    }
}
