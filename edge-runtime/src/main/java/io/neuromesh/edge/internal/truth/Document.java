package io.neuromesh.edge.internal.truth;

import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;
import io.neuromesh.topology.TopologyIndex;
import io.neuromesh.topology.TopologyVersion;

/**
 * A valid topology document: the bytes exactly as published (what a node saves and the history keeps), the parsed
 * topology's index (which holds the topology) and its version.
 *
 * @param index   the parsed document's lookup tables, for the node that runs it
 * @param bytes   the document as published; the array is shared, not copied (11.6 MB for 100,000 neurons), and
 *                nobody modifies it
 * @param version its rev and content hash
 */
public record Document(TopologyIndex index, byte[] bytes, TopologyVersion version) {

    /** Runtimes sharing a JVM parse a document they all receive once. */
    private static final SharedParses SHARED = new SharedParses();

    /**
     * Parses and validates a document, which keeps {@code bytes} (the caller hands the array over). Returns once the
     * index is built; the content hash goes on computing on a thread of its own ({@link TopologyVersion}). Equal bytes
     * that another runtime in this JVM parsed (and still holds) or is parsing give that runtime's document.
     *
     * <p>Threading: any thread; waits while another thread parses equal bytes.
     *
     * @throws TopologyException listing every problem as {@code "<where>: <what>"}
     */
    public static Document parse(byte[] bytes) {
        return SHARED.parse(bytes, Document::parseAlone);
    }

    /** Parses without looking for a shared parse. */
    static Document parseAlone(byte[] bytes) {
        // Indexed as it is parsed: the index takes the ids the parser resolved. The content hash takes a few tenths of
        // a second for 100,000 neurons, and the node needs it only to report what it runs (or to tell two documents
        // of one rev apart): it is computed meanwhile, mostly while the node waits for the broker to take its
        // subscriptions.
        TopologyIndex index = TopologyIndex.parse(bytes);
        return new Document(index, bytes, TopologyVersion.of(index.topology()));
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
