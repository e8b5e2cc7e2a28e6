package io.neuromesh.topology.internal.validate;

/**
 * Where something sits in a topology document, printed as {@code neurons[2].threshold}; the root prints as
 * {@code $}. Immutable; the text is built only when an error needs it.
 */
public final class Path {

    /** The document root. */
    public static final Path ROOT = new Path(null, null, -1);

    private final Path parent;
    private final String field;
    private final int index;

    private Path(Path parent, String field, int index) {
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    /** @return the path of the named field of this object */
    public Path field(String name) {
        return new Path(this, name, -1);
    }

    /** @return the path of the element at {@code i} of this array */
    public Path index(int i) {
        return new Path(this, null, i);
    }

    /** @return the path of {@code <array>[i]} at the document root, e.g. {@code synapses[3]} */
    public static Path element(String array, int i) {
        return ROOT.field(array).index(i);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "$";
        }
        StringBuilder out = new StringBuilder();
        append(out);
        return out.toString();
    }

    private void append(StringBuilder out) {
        if (parent.parent != null) {
            parent.append(out);
        }
        if (field == null) {
            out.append('[').append(index).append(']');
        } else {
            if (parent.parent != null) {
                out.append('.');
            }
            out.append(field);
        }
    }
}
