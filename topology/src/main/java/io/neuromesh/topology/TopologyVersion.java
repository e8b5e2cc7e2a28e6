package io.neuromesh.topology;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Which topology document: its rev and content hash. Two documents with the same rev and different hashes are two
 * different networks; telling them apart is what keeps a fleet on one. Immutable and thread-safe.
 *
 * <p>The hash of a parsed document may still be computing ({@link #of(Topology)}): {@link #hash()}, {@link #equals}
 * of two versions with the same rev and {@link #toString()} wait for it, {@link #rev()}, {@link #hashCode()} and
 * {@link #supersedes} of an older rev do not. Whoever decides by rev (a node choosing what to run, the broker's guard
 * letting a newer rev through) thus never waits for the hash: a few tenths of a second for 100,000 neurons.
 *
 * @since 0.2
 */
public final class TopologyVersion {

    private static final Executor HASHING = Executors.newVirtualThreadPerTaskExecutor();

    private final long rev;
    private final CompletableFuture<String> hash;
    /** A {@link #deferred} version's topology until its hash is computed, else null. */
    private volatile Topology unhashed;

    /**
     * @param rev  the topology's rev (at least 1)
     * @param hash its content hash ({@link Topology#contentHash()})
     */
    public TopologyVersion(long rev, String hash) {
        this(rev, CompletableFuture.completedFuture(Objects.requireNonNull(hash, "hash")));
    }

    private TopologyVersion(long rev, CompletableFuture<String> hash) {
        if (rev < 1) {
            throw new IllegalArgumentException("rev: must be >= 1, got " + rev);
        }
        this.rev = rev;
        this.hash = hash;
    }

    /** The version of a parsed topology; returns at once, its content hash is computed on a virtual thread. */
    public static TopologyVersion of(Topology topology) {
        return hashing(topology, HASHING);
    }

    /** As {@link #of(Topology)}, hashing on {@code executor} (tests use one that never runs). */
    static TopologyVersion hashing(Topology topology, Executor executor) {
        return new TopologyVersion(topology.rev(), CompletableFuture.supplyAsync(topology::contentHash, executor));
    }

    /**
     * As {@link #of(Topology)}, but the hash is computed only {@code delay} later, or at once by the first caller that
     * needs it: for a holder that seldom needs the hash and whose CPU is better left to others right now (the
     * embedded broker's guard, while the nodes parse the document it just let through). The topology is kept until
     * then.
     *
     * @since 0.2
     */
    public static TopologyVersion deferred(Topology topology, Duration delay) {
        return deferred(topology, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, HASHING));
    }

    /** As {@link #deferred(Topology, Duration)}, the delayed hashing on {@code later} (tests run it by hand). */
    static TopologyVersion deferred(Topology topology, Executor later) {
        TopologyVersion version = new TopologyVersion(topology.rev(), new CompletableFuture<>());
        version.unhashed = topology;
        later.execute(version::hashIfUnhashed);
        return version;
    }

    /** Whether the hash is known (computed, or given). */
    boolean hashed() {
        return hash.isDone();
    }

    private void hashIfUnhashed() {
        Topology topology = unhashed;
        if (topology != null) {
            // Two callers may both compute it: the same value, and the first to finish completes the future.
            hash.complete(topology.contentHash());
            unhashed = null;
        }
    }

    /** The topology's rev. */
    public long rev() {
        return rev;
    }

    /** Its content hash; waits while it is being computed (a {@link #deferred} one is computed now). */
    public String hash() {
        hashIfUnhashed();
        return hash.join();
    }

    /** The first {@link Topology#SHORT_HASH_LENGTH} characters of the hash, as status lines show it. */
    public String shortHash() {
        String full = hash();
        return full.substring(0, Math.min(full.length(), Topology.SHORT_HASH_LENGTH));
    }

    /**
     * Whether this version may replace {@code older}: a higher rev, or the same document again (an idempotent
     * re-publish). Waits for the hashes only when the revs are equal.
     */
    public boolean supersedes(TopologyVersion older) {
        return rev > older.rev || equals(older);
    }

    /** Same rev and same hash; the hashes are compared only when the revs are equal. */
    @Override
    public boolean equals(Object other) {
        return other == this
                || other instanceof TopologyVersion that && rev == that.rev && hash().equals(that.hash());
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
