package io.neuromesh.cli.internal.history;

import io.neuromesh.topology.Topology;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One topology the whole online fleet applied, as the local history recorded it.
 *
 * @param rev       the topology's rev
 * @param hash      its content hash ({@link Topology#contentHash()}, 64 hex characters)
 * @param appliedAt when every online node had reported it applied
 * @param nodes     the nodes that applied it, sorted
 * @param source    where it came from: the file given to {@code topology apply}, or {@code rollback to rev N}
 * @param file      the saved topology document, exactly as it was published
 */
public record HistoryEntry(long rev, String hash, Instant appliedAt, List<String> nodes, String source, Path file) {

    /** Copies {@code nodes}; every field is required. */
    public HistoryEntry {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(appliedAt, "appliedAt");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
    }

    /** @return the first {@link Topology#SHORT_HASH_LENGTH} characters of the hash, as status lines show it */
    public String shortHash() {
        return hash.substring(0, Math.min(hash.length(), Topology.SHORT_HASH_LENGTH));
    }
}
