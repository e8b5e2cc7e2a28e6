package io.neuromesh.topology.internal.validate;

import io.neuromesh.topology.Ids;

import java.time.Duration;
import java.util.List;

/**
 * Applies the {@link Rules} in record constructors: throws {@link IllegalArgumentException} with
 * {@code "<field>: <what>"} on the first violation.
 */
public final class Check {

    private Check() {
    }

    /** @return {@code value}, or throws when it is null */
    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": must not be null");
        }
        return value;
    }

    /** Throws {@code "<field>: <problem>"} when {@code problem} is not null. */
    public static void require(String field, String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(field + ": " + problem);
        }
    }

    /** @return {@code value} when it satisfies {@code rule} */
    public static long integer(String field, long value, IntRule rule) {
        if (rule.problem(value, "") != null) {
            require(field, rule.problem(value, Long.toString(value)));
        }
        return value;
    }

    /** @return {@code value} when it satisfies {@code rule}, with -0.0 folded into 0.0 so equal topologies compare equal */
    public static double number(String field, double value, NumberRule rule) {
        // The value is shown only in a problem: a large topology's 200,000 weights pass without a Double.toString.
        if (rule.problem(value, "") != null) {
            require(field, rule.problem(value, Double.toString(value)));
        }
        return value + 0.0;
    }

    /** @return {@code id} when it follows the id rule */
    public static String id(String field, String id) {
        return Ids.require(field, id);
    }

    /** @return {@code id} when it is null or follows the id rule */
    public static String optionalId(String field, String id) {
        return id == null ? null : Ids.require(field, id);
    }

    /** @return {@code value} when it is a valid time setting */
    public static Duration duration(String field, Duration value) {
        require(field, Rules.duration(value));
        return value;
    }

    /** @return an immutable copy of {@code list}, which must not be null nor hold nulls */
    public static <T> List<T> list(String field, List<T> list) {
        notNull(field, list);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "]: must not be null");
            }
        }
        return List.copyOf(list);
    }

    /** @return an immutable copy of a label list that satisfies {@link Rules#labels} */
    public static List<String> labels(String field, List<String> labels) {
        List<String> copy = list(field, labels);
        Rules.labels(copy, (problem, i) -> {
            throw new IllegalArgumentException(field + "[" + i + "]: " + problem);
        });
        return copy;
    }
}
