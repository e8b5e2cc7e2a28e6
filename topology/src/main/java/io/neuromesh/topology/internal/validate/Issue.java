package io.neuromesh.topology.internal.validate;

/**
 * One validation error.
 *
 * @param order   position in the document (or in canonical order for programmatic topologies); sorts the report
 * @param path    where the problem is
 * @param message what is wrong, phrased to follow {@code "<path>: "}
 */
public record Issue(long order, Path path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
