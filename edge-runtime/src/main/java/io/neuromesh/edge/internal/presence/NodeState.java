package io.neuromesh.edge.internal.presence;

/** What a live node says about itself in its status. */
public enum NodeState {
    /** Running and taking neurons. */
    ONLINE,
    /** Stopping gracefully: peers take over its movable neurons now. */
    LEAVING;

    /** The word on the wire. */
    public String wire() {
        return name().toLowerCase();
    }
}
