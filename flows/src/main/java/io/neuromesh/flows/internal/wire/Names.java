package io.neuromesh.flows.internal.wire;

import java.util.regex.Pattern;

/**
 * The naming rules of flows' own concepts: task names and task ids. Queue, worker and client ids follow the project's
 * one id rule, {@link io.neuromesh.topology.Ids}.
 */
public final class Names {

    /** Task names, e.g. {@code wordcount.count}. */
    public static final Pattern TASK_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    /** Longest task id. */
    public static final int MAX_TASK_ID_LENGTH = 128;

    private Names() {
    }

    /** Returns {@code value} if it is a valid task name, else throws. */
    public static String requireTaskName(String field, String value) {
        if (value == null || !TASK_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": must be 1-128 characters of A-Z a-z 0-9 _ . -, got "
                    + quote(value));
        }
        return value;
    }

    /** Returns {@code value} if it is a valid task id (any 1-128 characters), else throws. */
    public static String requireTaskId(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_TASK_ID_LENGTH) {
            throw new IllegalArgumentException(field + ": must be 1-" + MAX_TASK_ID_LENGTH + " characters, got "
                    + quote(value));
        }
        return value;
    }

    static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
