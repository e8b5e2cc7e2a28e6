package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;
import io.neuromesh.topology.Topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The revisions the whole online fleet applied, newest first, retained on {@code neuromesh/topology/history}
 * ({@link AppliedHistoryCodec}); each revision's document is retained on {@code neuromesh/topology/history/<rev>}.
 * Written by one node (the lowest online node id) once every online node runs the same rev and hash, so that
 * {@code topology history}, {@code diff} and {@code rollback} work from any machine and a node that starts without
 * a topology of its own adopts what its fleet runs rather than a stray retained document.
 *
 * @param revisions at most {@link #MAX_REVISIONS}, newest (highest rev) first, each rev once (strictly falling)
 * @since 0.1
 */
public record AppliedHistory(List<Revision> revisions) {

    /** How many revisions the fleet keeps; older ones are dropped with their documents. */
    public static final int MAX_REVISIONS = 50;

    /** The empty history, as read when nothing is retained yet. */
    public static final AppliedHistory EMPTY = new AppliedHistory(List.of());

    public AppliedHistory {
        revisions = List.copyOf(Objects.requireNonNull(revisions, "revisions: must not be null"));
        if (revisions.size() > MAX_REVISIONS) {
            throw new IllegalArgumentException("revisions: at most " + MAX_REVISIONS + ", got " + revisions.size());
        }
        for (int i = 0; i < revisions.size(); i++) {
            Revision r = Objects.requireNonNull(revisions.get(i), "revisions[" + i + "]: must not be null");
            if (i > 0 && r.rev() >= revisions.get(i - 1).rev()) {
                throw new IllegalArgumentException("revisions[" + i + "].rev: must be lower than the one before ("
                        + revisions.get(i - 1).rev() + "), got " + r.rev() + "; the newest comes first");
            }
        }
    }

    /** @return the newest revision, if any */
    public Optional<Revision> newest() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(0));
    }

    /** @return the revision with this rev, if the history still holds it */
    public Optional<Revision> find(long rev) {
        return revisions.stream().filter(r -> r.rev() == rev).findFirst();
    }

    /**
     * @return this history with {@code added} as its newest revision (replacing an entry with the same rev), and
     * the oldest dropped beyond {@link #MAX_REVISIONS}
     * @throws IllegalArgumentException when {@code added} is older than the newest revision
     */
    public AppliedHistory with(Revision added) {
        List<Revision> next = new ArrayList<>();
        next.add(added);
        for (Revision r : revisions) {
            if (r.rev() > added.rev()) {
                throw new IllegalArgumentException("rev " + added.rev() + " is older than the newest applied rev "
                        + r.rev());
            }
            if (r.rev() != added.rev() && next.size() < MAX_REVISIONS) {
                next.add(r);
            }
        }
        return new AppliedHistory(next);
    }

    /**
     * One revision the fleet applied.
     *
     * @param rev       the topology's rev
     * @param hash      its content hash ({@link Topology#contentHash()})
     * @param name      the topology's {@code name}, "" when it has none
     * @param appliedAt when the last online node reported running it
     * @param nodes     the online nodes that ran it then, sorted
     */
    public record Revision(long rev, String hash, String name, Instant appliedAt, List<String> nodes) {

        public Revision {
            if (rev < 1 || rev > Topology.MAX_REV) {
                throw new IllegalArgumentException("rev: must be 1 to " + Topology.MAX_REV + ", got " + rev);
            }
            Objects.requireNonNull(hash, "hash: must not be null");
            if (hash.isEmpty()) {
                throw new IllegalArgumentException("hash: must not be empty");
            }
            Objects.requireNonNull(name, "name: must not be null");
            Objects.requireNonNull(appliedAt, "appliedAt: must not be null");
            nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes: must not be null"));
            Ids.requireAll("nodes", nodes);
        }

        /** @return the first {@link Topology#SHORT_HASH_LENGTH} characters of the hash */
        public String shortHash() {
            return hash.substring(0, Math.min(hash.length(), Topology.SHORT_HASH_LENGTH));
        }
    }
}
