package io.neuromesh.broker;

/**
 * Where the embedded broker keeps retained messages, persistent sessions and queued messages.
 *
 * @since 0.1
 */
public enum Persistence {
    /** On disk under the data directory: retained messages and persistent sessions survive a restart. */
    FILE,
    /** In memory only: everything is lost when the broker stops; starts faster and writes nothing lasting. */
    IN_MEMORY
}
