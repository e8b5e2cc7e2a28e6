package io.neuromesh.edge.internal.truth;

import io.neuromesh.topology.Topology;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Which topology document: its rev and content hash. Two documents with the same rev and different hashes are two
 * different networks; telling them apart is what keeps a fleet on one. Immutable and thread-safe.
 *
 * <p>The hash of a parsed document may still be computing ({@link #hashing}): {@link #hash()}, {@link #equals} of
 * two versions with the same rev and {@link #toString()} wait for it, {@link #rev()} and {@link #hashCode()} do not.
 * A node decides to run a newer rev by the rev alone, so its apply hashes while it places, builds and subscribes.
 */
public final class Version {

    private final long rev;
    private final CompletableFuture<String> hash;

    /**
     * @param rev  the topology's rev (at least 1)
     * @param hash its content hash ({@link Topology#contentHash()})
     */
    public Version(long rev, String hash) {
        this(rev, CompletableFuture.completedFuture(Objects.requireNonNull(hash, "hash")));
    }

    private Version(long rev, CompletableFuture<String> hash) {
        if (rev < 1) {
            throw new IllegalArgumentException("rev: must be >= 1, got " + rev);
        }
        this.rev = rev;
        this.hash = hash;
    }

    /**
     * The version of a parsed topology whose content hash is computed on {@code executor} (a few tenths of a second
     * for 100,000 neurons); returns at once.
     */
    static Version hashing(Topology topology, Executor executor) {
        return new Version(topology.rev(), CompletableFuture.supplyAsync(topology::contentHash, executor));
    }

    /** The topology's rev. */
    public long rev() {
        return rev;
    }

    /** Its content hash; waits while it is being computed. */
    public String hash() {
        return hash.join();
    }

    /** The first {@link Topology#SHORT_HASH_LENGTH} characters of the hash, as status lines show it. */
    public String shortHash() {
        String full = hash();
        return full.substring(0, Math.min(full.length(), Topology.SHORT_HASH_LENGTH));
    }

    /** Same rev and same hash; the hashes are compared only when the revs are equal. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Version that && rev == that.rev && hash().equals(that.hash());
    }

    /** The rev's: equal versions have equal revs, and no hash is waited for. */
    @Override
    public int hashCode() {
        return Long.hashCode(rev);
    }

    /** {@code rev 2 (hash 1a26a146d8e3e53b)}. */
    @Override
    public String toString() {
        return "rev " + rev + " (hash " + shortHash() + ")";
    }
}
