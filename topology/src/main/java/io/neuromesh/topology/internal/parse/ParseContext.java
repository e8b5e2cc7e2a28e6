package io.neuromesh.topology.internal.parse;

import com.google.gson.stream.JsonToken;
import io.neuromesh.topology.Ids;
import io.neuromesh.topology.internal.json.JsonCursor;
import io.neuromesh.topology.internal.json.JsonNames;
import io.neuromesh.topology.internal.json.Numbers;
import io.neuromesh.topology.internal.validate.CrossReferences;
import io.neuromesh.topology.internal.validate.CrossReferences.Symbol;
import io.neuromesh.topology.internal.validate.IntRule;
import io.neuromesh.topology.internal.validate.Issues;
import io.neuromesh.topology.internal.validate.NumberRule;
import io.neuromesh.topology.internal.validate.Path;
import io.neuromesh.topology.internal.validate.Rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one parse: the cursor, the errors found so far, the cross-reference checker and a counter that
 * orders errors as they appear in the document. The typed readers consume one value each; on a wrong type or a
 * broken rule they record an error and return null, so that parsing goes on and every error is found.
 */
final class ParseContext {

    private static final int SHOWN_NAME_LENGTH = 40;

    /** Handles one known member of an object; the cursor is at its value, which the handler must consume. */
    @FunctionalInterface
    interface MemberHandler {
        void member(String name, Path at, long order);
    }

    /** Handles one element of an array; the cursor is at the element, which the handler must consume. */
    @FunctionalInterface
    interface ElementHandler {
        void element(int index, Path at, long order);
    }

    /**
     * About the fewest document characters an element and a synapse take: the tables are sized from the document's
     * length (growing them one doubling at a time was a sixteenth of parsing 100,000 neurons).
     */
    private static final int CHARS_PER_ELEMENT = 128;
    private static final int CHARS_PER_SYNAPSE = 64;

    final Issues issues = new Issues();
    final CrossReferences refs;
    private final JsonCursor in;
    private long order;

    ParseContext(JsonCursor in, int documentLength) {
        this.in = in;
        int elements = documentLength / CHARS_PER_ELEMENT;
        refs = new CrossReferences(issues, elements, documentLength / CHARS_PER_SYNAPSE);
    }

    /** @return the next position in document order */
    long next() {
        return ++order;
    }

    /** @return how many errors were found so far; compare before and after reading an element */
    int errorCount() {
        return issues.count();
    }

    void report(long at, Path path, String message) {
        issues.add(at, path, message);
    }

    /**
     * Reports the field {@code field} of the element at {@code at} as missing when it was not read, at the element's
     * end so that it sorts after the fields that were there.
     *
     * @param fieldOrder the order the field was read in, 0 when it was not
     */
    void required(Path at, long end, String field, long fieldOrder) {
        if (fieldOrder == 0) {
            report(end, at.field(field), "missing");
        }
    }

    /**
     * Reads an object member by member, reporting unknown fields (with a suggestion) and repeated fields.
     *
     * @return false when the value was not an object (reported and skipped)
     */
    boolean members(Path at, long atOrder, List<String> known, MemberHandler handler) {
        if (in.peek() != JsonToken.BEGIN_OBJECT) {
            report(atOrder, at, "must be an object, got " + in.skipAndDescribe());
            return false;
        }
        in.beginObject();
        long seen = 0;
        while (in.hasNext()) {
            String name = in.nextName();
            long memberOrder = next();
            int k = known.indexOf(name);
            if (k < 0) {
                report(memberOrder, at.field(shorten(name)), unknownField(name, known));
                in.skip();
            } else if ((seen & (1L << k)) != 0) {
                report(memberOrder, at.field(name), "duplicate field; each field may appear only once");
                in.skip();
            } else {
                seen |= 1L << k;
                handler.member(name, at.field(name), memberOrder);
            }
        }
        in.endObject();
        return true;
    }

    /** Reads an array element by element; reports a value that is not an array. */
    void elements(Path at, long atOrder, ElementHandler handler) {
        if (in.peek() != JsonToken.BEGIN_ARRAY) {
            report(atOrder, at, "must be an array, got " + in.skipAndDescribe());
            return;
        }
        in.beginArray();
        for (int i = 0; in.hasNext(); i++) {
            handler.element(i, at.index(i), next());
        }
        in.endArray();
    }

    /**
     * @return the symbol of an id that follows the {@link Ids} rule, or null; every mention of an id (a neuron named
     *         by three synapses...) shares one symbol and one String: less memory on small devices
     */
    Symbol symbol(Path at, long atOrder) {
        String value = string(at, atOrder);
        if (value == null) {
            return null;
        }
        // Only valid ids get a symbol: a mention of an id seen before (most of them) needs no check.
        Symbol known = refs.known(value);
        if (known != null) {
            return known;
        }
        String problem = Ids.problem(value).orElse(null);
        if (problem != null) {
            report(atOrder, at, problem);
            return null;
        }
        return refs.add(value);
    }

    /** @return an id that follows the {@link Ids} rule, or null */
    String id(Path at, long atOrder) {
        Symbol symbol = symbol(at, atOrder);
        return symbol == null ? null : symbol.id();
    }

    /** @return any string, or null */
    String string(Path at, long atOrder) {
        if (in.peek() != JsonToken.STRING) {
            report(atOrder, at, "must be a string, got " + in.skipAndDescribe());
            return null;
        }
        return in.nextString();
    }

    /**
     * @return a number that satisfies {@code rule}, or NaN (which no rule allows and no JSON literal is) when it
     *         does not; not boxed: a document of 100,000 neurons has 200,000 synapse weights
     */
    double number(Path at, long atOrder, NumberRule rule) {
        if (in.peek() != JsonToken.NUMBER) {
            report(atOrder, at, "must be a number, got " + in.skipAndDescribe());
            return Double.NaN;
        }
        String literal = in.nextNumberLiteral();
        double value = Numbers.doubleValue(literal);
        String problem = rule.problem(value, Numbers.shown(literal));
        if (problem != null) {
            report(atOrder, at, problem);
            return Double.NaN;
        }
        return value;
    }

    /** @return a whole number that satisfies {@code rule}, or null */
    Long integer(Path at, long atOrder, IntRule rule) {
        if (in.peek() != JsonToken.NUMBER) {
            report(atOrder, at, "must be an integer, got " + in.skipAndDescribe());
            return null;
        }
        String literal = in.nextNumberLiteral();
        Long value = Numbers.integerValue(literal);
        String problem = value == null ? "must be an integer, got number " + Numbers.shown(literal)
                : rule.problem(value, Numbers.shown(literal));
        if (problem != null) {
            report(atOrder, at, problem);
            return null;
        }
        return value;
    }

    /** @return a time setting in milliseconds (0 to 24 h), or null */
    Long millis(Path at, long atOrder) {
        return integer(at, atOrder, Rules.MILLIS);
    }

    /** @return true or false, or null */
    Boolean bool(Path at, long atOrder) {
        if (in.peek() != JsonToken.BOOLEAN) {
            report(atOrder, at, "must be a boolean, got " + in.skipAndDescribe());
            return null;
        }
        return in.nextBoolean();
    }

    /** @return the constant of {@code type} named by a lowercase string, e.g. {@code "spike"}, or null */
    <E extends Enum<E>> E choice(Path at, long atOrder, Class<E> type) {
        E[] constants = type.getEnumConstants();
        if (in.peek() == JsonToken.STRING) {
            String value = in.nextString();
            for (E constant : constants) {
                if (JsonNames.of(constant).equals(value)) {
                    return constant;
                }
            }
            report(atOrder, at, "must be one of " + allowed(constants) + "; got string \"" + shorten(value) + "\"");
            return null;
        }
        report(atOrder, at, "must be one of " + allowed(constants) + "; got " + in.skipAndDescribe());
        return null;
    }

    /** @return a list of labels that satisfies {@link Rules#labels}, or null */
    List<String> labels(Path at, long atOrder) {
        if (in.peek() != JsonToken.BEGIN_ARRAY) {
            report(atOrder, at, "must be an array of labels, got " + in.skipAndDescribe());
            return null;
        }
        int errorsBefore = errorCount();
        List<String> labels = new ArrayList<>();
        List<Long> orders = new ArrayList<>();
        elements(at, atOrder, (i, elementAt, elementOrder) -> {
            labels.add(string(elementAt, elementOrder));
            orders.add(elementOrder);
        });
        Rules.labels(labels, (problem, i) -> report(orders.get(i), at.index(i), problem));
        return errorCount() == errorsBefore ? labels : null;
    }

    private static String allowed(Enum<?>[] constants) {
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : constants) {
            names.add("\"" + JsonNames.of(constant) + "\"");
        }
        return String.join(", ", names);
    }

    private static String unknownField(String name, List<String> known) {
        return Suggestions.closest(name, known)
                .map(suggestion -> "unknown field; did you mean '" + suggestion + "'?")
                .orElseGet(() -> "unknown field; known fields are " + String.join(", ", known));
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN_NAME_LENGTH ? text : text.substring(0, SHOWN_NAME_LENGTH) + "...";
    }
}
