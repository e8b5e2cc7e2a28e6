package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One node's answer to a {@link LogsRequest} ({@link LogsCodec}): the events of the neurons it hosts, oldest first.
 *
 * @param node   the answering node
 * @param events its events
 * @since 0.1
 */
public record LogsReply(String node, List<Event> events) {

    public LogsReply {
        Ids.require("node", node);
        events = List.copyOf(Objects.requireNonNull(events, "events: must not be null"));
    }

    /**
     * One event of a neuron.
     *
     * @param at     when it happened on the node, microsecond precision
     * @param neuron the neuron
     * @param kind   input, fired, forced, settled, refractory, output, ignored, rejected, reconfigured or restored
     * @param text   a human line, e.g. {@code x fires (sum 1)}
     */
    public record Event(Instant at, String neuron, String kind, String text) {

        public Event {
            Objects.requireNonNull(at, "ts: must not be null");
            Ids.require("neuron", neuron);
            Objects.requireNonNull(kind, "kind: must not be null");
            Objects.requireNonNull(text, "text: must not be null");
        }
    }
}
