package io.neuromesh.edge.internal.client;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.mqtt.InboundMessage;
import org.tinylog.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What nodes recorded of peers they saw go ({@code neuromesh/nodes/<reporter>/seen/<peer>}): a Last Will carries
 * the time its node connected, the record the time a peer saw it go. Thread-safe: fed on the dispatch thread, read
 * by any.
 */
final class SeenRecords {

    /** The records by topic; a cleared record is removed. */
    private final Map<String, NodeStatus> byTopic = new ConcurrentHashMap<>();

    void onMessage(InboundMessage message) {
        if (message.payload().length == 0) {
            byTopic.remove(message.topic());
            return;
        }
        try {
            NodeStatus record = NodeStatusCodec.decode(message.payload());
            if (message.topic().endsWith("/seen/" + record.node()) && record.reportedBy().isPresent()) {
                byTopic.put(message.topic(), record);
            } else {
                Logger.debug("ignoring the record on {}: it is not one of node {}", message.topic(), record.node());
            }
        } catch (WireFormatException e) {
            Logger.debug("ignoring the record on {}: {}", message.topic(), e.getMessage());
        }
    }

    /**
     * @param statuses the nodes' own statuses
     * @return the same, with each unconfirmed Last Will replaced by the latest record of it that is not older (an
     *         older record is of an earlier departure)
     */
    Map<String, NodeStatus> date(Map<String, NodeStatus> statuses) {
        Map<String, NodeStatus> dated = new TreeMap<>(statuses);
        dated.replaceAll((node, status) -> status.unconfirmedWill() ? recordOf(status).orElse(status) : status);
        return dated;
    }

    private Optional<NodeStatus> recordOf(NodeStatus will) {
        return byTopic.entrySet().stream()
                .filter(e -> Topics.nodeOf(e.getKey()) != null && e.getValue().node().equals(will.node()))
                .map(Map.Entry::getValue)
                .filter(record -> !record.timestamp().isBefore(will.timestamp()))
                .max(java.util.Comparator.comparing(NodeStatus::timestamp));
    }
}
