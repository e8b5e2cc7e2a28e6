package io.neuromesh.topology;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

/** Test documents written with single quotes, and the errors they produce. */
final class Docs {

    private Docs() {
    }

    /** @return {@code text} with every {@code '} turned into {@code "}, so documents fit in Java strings */
    static String json(String text) {
        return text.replace('\'', '"');
    }

    /** @return the errors of a document that must be rejected (written with single quotes) */
    static List<String> errorsOf(String singleQuoted) {
        return assertThrows(TopologyException.class, () -> Topology.parse(json(singleQuoted))).errors();
    }

    /** @return the topology of a document that must be accepted (written with single quotes) */
    static Topology parse(String singleQuoted) {
        return Topology.parse(json(singleQuoted));
    }
}
