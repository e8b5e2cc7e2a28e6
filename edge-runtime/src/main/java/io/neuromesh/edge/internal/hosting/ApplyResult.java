package io.neuromesh.edge.internal.hosting;

import java.util.List;

/**
 * What a node did with one topology message; published retained on {@code neuromesh/nodes/<node>/topology}.
 *
 * @param rev     the message's rev (0 when it could not be read)
 * @param result  applied, rejected, or unchanged (the same rev and content again, e.g. a retained redelivery)
 * @param hash    content hash of the topology now running ("" if none)
 * @param running rev running after this message
 * @param neurons neurons hosted after this message
 * @param errors  "where: what" lines when rejected
 */
public record ApplyResult(long rev, Kind result, String hash, long running, List<String> neurons, List<String> errors) {

    public enum Kind { APPLIED, REJECTED, UNCHANGED }

    public ApplyResult {
        neurons = List.copyOf(neurons);
        errors = List.copyOf(errors);
    }
}
