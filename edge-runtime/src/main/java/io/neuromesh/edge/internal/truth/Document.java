package io.neuromesh.edge.internal.truth;

import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;

/**
 * A valid topology document: the bytes exactly as published (what a node saves and the history keeps), the parsed
 * topology and its version.
 *
 * @param topology the parsed document
 * @param bytes    the document as published
 * @param version  its rev and content hash
 */
public record Document(Topology topology, byte[] bytes, Version version) {

    /**
     * Parses and validates a document.
     *
     * @throws TopologyException listing every problem as {@code "<where>: <what>"}
     */
    public static Document parse(byte[] bytes) {
        Topology topology = Topology.parse(bytes);
        return new Document(topology, bytes.clone(), Version.of(topology));
    }

    /** The topology's name, "" when it has none. */
    public String name() {
        return topology.name() == null ? "" : topology.name();
    }
}
