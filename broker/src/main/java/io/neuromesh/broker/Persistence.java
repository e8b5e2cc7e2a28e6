package io.neuromesh.broker;

/**
 * Where the embedded broker keeps retained messages, persistent sessions and queued messages.
 *
 * @since 0.1
 */
public enum Persistence {
    /**
     * On disk under the data directory: retained messages and persistent sessions survive a restart, even an
     * abrupt one. The files belong to the bundled HiveMQ version: embedded HiveMQ never migrates data written by
     * another version, so clear the data directory when upgrading HiveMQ.
     */
    FILE,
    /** In memory only: everything is lost when the broker stops; starts faster and writes nothing lasting. */
    IN_MEMORY
}
