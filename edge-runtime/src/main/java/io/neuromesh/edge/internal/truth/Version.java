package io.neuromesh.edge.internal.truth;

import io.neuromesh.topology.Topology;

import java.util.Objects;

/**
 * Which topology document: its rev and content hash. Two documents with the same rev and different hashes are two
 * different networks; telling them apart is what keeps a fleet on one.
 *
 * @param rev  the topology's rev (at least 1)
 * @param hash its content hash ({@link Topology#contentHash()})
 */
public record Version(long rev, String hash) {

    public Version {
        if (rev < 1) {
            throw new IllegalArgumentException("rev: must be >= 1, got " + rev);
        }
        Objects.requireNonNull(hash, "hash");
    }

    /** The version of a parsed topology (computes its content hash). */
    public static Version of(Topology topology) {
        return new Version(topology.rev(), topology.contentHash());
    }

    /** The first {@link Topology#SHORT_HASH_LENGTH} characters of the hash, as status lines show it. */
    public String shortHash() {
        return hash.substring(0, Math.min(hash.length(), Topology.SHORT_HASH_LENGTH));
    }

    /** {@code rev 2 (hash 1a26a146d8e3e53b)}. */
    @Override
    public String toString() {
        return "rev " + rev + " (hash " + shortHash() + ")";
    }
}
