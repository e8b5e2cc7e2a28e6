package io.neuromesh.broker.internal.extension.topology;

import io.neuromesh.topology.Topology;

/**
 * The topology the broker holds: the rev and content hash of the last one the guard let through (or found retained
 * at start).
 *
 * @param rev  its revision
 * @param hash its {@link Topology#contentHash()}
 */
record Accepted(long rev, String hash) {

    static Accepted of(Topology topology) {
        return new Accepted(topology.rev(), topology.contentHash());
    }

    String shortHash() {
        return hash.substring(0, Topology.SHORT_HASH_LENGTH);
    }
}
