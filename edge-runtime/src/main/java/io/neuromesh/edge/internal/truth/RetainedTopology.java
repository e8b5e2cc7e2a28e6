package io.neuromesh.edge.internal.truth;

import io.neuromesh.edge.wire.TopologyResultCodec;
import io.neuromesh.topology.TopologyException;
import io.neuromesh.topology.TopologyVersion;

import java.util.List;

/** What the broker retains on {@code neuromesh/topology}, as this node last heard it. */
public sealed interface RetainedTopology {

    /** Nothing heard: nothing is retained (or it has not arrived yet). */
    RetainedTopology NONE = new None();

    /** Reads a retained payload; never throws. */
    static RetainedTopology of(byte[] payload) {
        if (payload.length == 0) {
            return new Cleared();
        }
        try {
            return new Valid(Document.parse(payload));
        } catch (TopologyException e) {
            return new Invalid(TopologyResultCodec.revOf(payload), e.errors());
        }
    }

    /** Nothing is retained. */
    record None() implements RetainedTopology {
    }

    /** The retained topology was cleared (an empty retained payload). */
    record Cleared() implements RetainedTopology {
    }

    /**
     * Not a valid topology.
     *
     * @param rev    its rev if it had a readable one, else 0
     * @param errors {@code "<where>: <what>"}
     */
    record Invalid(long rev, List<String> errors) implements RetainedTopology {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** A valid topology. */
    record Valid(Document document) implements RetainedTopology {

        /** Its rev and content hash. */
        public TopologyVersion version() {
            return document.version();
        }
    }
}
