package io.neuromesh.edge.wire;

/**
 * The state in a node's status; on the wire its lower-case name ({@code "online"}).
 *
 * @since 0.1
 */
public enum NodeState {
    /** Running and hosting neurons. */
    ONLINE,
    /** Stopping gracefully: still processing while its peers take over its movable neurons. */
    LEAVING,
    /** Gone: its Last Will ({@code connection lost}) or its last word on a graceful stop ({@code shutdown}). */
    OFFLINE;

    /** The name on the wire, e.g. {@code online}. */
    public String wireName() {
        return JsonMessage.wireName(this);
    }
}
