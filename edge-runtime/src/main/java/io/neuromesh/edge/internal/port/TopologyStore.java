package io.neuromesh.edge.internal.port;

import java.util.Optional;

/** Where a node keeps the last topology it applied, so that a restart starts from it. Brain thread. */
public interface TopologyStore {

    /** A node without a state folder: nothing is kept. */
    TopologyStore NONE = new TopologyStore() {
        @Override
        public Optional<byte[]> load() {
            return Optional.empty();
        }

        @Override
        public void save(byte[] document) {
        }
    };

    /** The document saved last, exactly as it was published; empty when none was saved (or it cannot be read). */
    Optional<byte[]> load();

    /** Keeps {@code document} (the bytes as published) in place of the previous one; logs a failure, never throws. */
    void save(byte[] document);
}
