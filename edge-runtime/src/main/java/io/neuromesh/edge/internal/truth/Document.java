package io.neuromesh.edge.internal.truth;

import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;
import io.neuromesh.topology.TopologyIndex;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * A valid topology document: the bytes exactly as published (what a node saves and the history keeps), the parsed
 * topology's index (which holds the topology) and its version.
 *
 * @param index   the parsed document's lookup tables, for the node that runs it
 * @param bytes   the document as published; the array is shared, not copied (11.6 MB for 100,000 neurons), and
 *                nobody modifies it
 * @param version its rev and content hash
 */
public record Document(TopologyIndex index, byte[] bytes, Version version) {

    private static final Executor INDEXING = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * Parses and validates a document, which keeps {@code bytes} (the caller hands the array over).
     *
     * @throws TopologyException listing every problem as {@code "<where>: <what>"}
     */
    public static Document parse(byte[] bytes) {
        Topology topology = Topology.parse(bytes);
        // The index and the content hash take a few tenths of a second each for 100,000 neurons: side by side, a
        // node's apply waits for the longer one only.
        CompletableFuture<TopologyIndex> index = CompletableFuture.supplyAsync(topology::index, INDEXING);
        Version version = Version.of(topology);
        return new Document(index.join(), bytes, version);
    }

    /** The parsed document. */
    public Topology topology() {
        return index.topology();
    }

    /** The topology's name, "" when it has none. */
    public String name() {
        return topology().name() == null ? "" : topology().name();
    }
}
