package io.neuromesh.flows;

/**
 * A worker's state as its heartbeat says.
 *
 * @since 0.1
 */
public enum WorkerState {
    /** Connected and taking tasks. */
    ONLINE,
    /** Closed, or its connection died (the broker published its Last Will). */
    OFFLINE
}
