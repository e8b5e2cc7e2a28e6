package io.neuromesh.flows.internal.wire;

import java.util.regex.Pattern;

/** The naming rules of flows: ids that end up in topics, task names, task ids. */
public final class Names {

    /** Queue, worker and client ids: they become topic levels, so no {@code / + #}. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Task names, e.g. {@code wordcount.count}. */
    public static final Pattern TASK_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    /** Longest task id. */
    public static final int MAX_TASK_ID_LENGTH = 128;

    private Names() {
    }

    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** Returns {@code value} if it is a valid id, else throws with the field name and the offending value. */
    public static String requireId(String field, String value) {
        if (!isId(value)) {
            throw new IllegalArgumentException(field + ": must be 1-64 characters of A-Z a-z 0-9 _ -, got "
                    + quote(value));
        }
        return value;
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
