package io.neuromesh.mqtt.presence;

/**
 * Why a watcher stopped counting a peer online.
 *
 * @since 0.1
 */
public enum GoneReason {
    /** Its status says it is offline or leaving: a Last Will, or its last word on a clean stop. */
    SAID_OFFLINE,
    /** No status arrived for its {@code offlineAfter}. */
    SILENT,
    /** Its retained status was cleared (an empty retained payload): an operator removed it. */
    CLEARED
}
