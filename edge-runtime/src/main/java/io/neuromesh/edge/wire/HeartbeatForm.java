package io.neuromesh.edge.wire;

/**
 * How a node sends the heartbeats between its full statuses; on the wire the {@code "heartbeats"} field of a live
 * status, present only when {@link #COMPACT} (docs/wire.md, "Compact heartbeats").
 *
 * @since 0.1
 */
public enum HeartbeatForm {
    /** Every heartbeat is the full status, retained: what is retained is never more than one heartbeat old. */
    FULL,
    /**
     * Heartbeats that only refresh liveness go compact and not retained: the retained copy's liveness ({@code ts},
     * load, counters) may be up to 30 heartbeats old, and a one-shot reader waits for the next message on the topic.
     */
    COMPACT;

    /** The name on the wire, e.g. {@code compact}. */
    public String wireName() {
        return JsonMessage.wireName(this);
    }
}
