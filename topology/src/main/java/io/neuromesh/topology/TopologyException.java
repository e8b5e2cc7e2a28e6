package io.neuromesh.topology;

import java.util.List;

/**
 * An invalid topology: every problem found, not only the first. Unchecked (an {@link IllegalArgumentException}),
 * thrown by {@link Topology#parse(byte[])} and friends and by the {@link Topology} constructor.
 *
 * @since 0.1
 */
public final class TopologyException extends IllegalArgumentException {

    private final List<String> errors;

    /**
     * @param errors the problems as {@code "<path>: <what>"}, e.g. {@code "synapses[3].weight: missing"}; at
     *               least one
     */
    public TopologyException(List<String> errors) {
        this.errors = List.copyOf(errors);
        if (this.errors.isEmpty()) {
            throw new IllegalArgumentException("errors: must not be empty");
        }
    }

    /**
     * @return the problems as {@code "<path>: <what>"} in document order; the path {@code $} is the document root.
     *         At most {@code 1000} errors are listed; a last line then says how many more there were.
     */
    public List<String> errors() {
        return errors;
    }

    /** @return all {@link #errors()} joined with {@code "; "} */
    @Override
    public String getMessage() {
        return String.join("; ", errors);
    }
}
