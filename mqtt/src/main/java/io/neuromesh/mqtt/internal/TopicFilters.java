package io.neuromesh.mqtt.internal;

import java.nio.charset.StandardCharsets;

/** MQTT topic name and filter rules (MQTT 5 section 4.7), and matching a topic against a filter. */
public final class TopicFilters {

    private static final String SHARE_PREFIX = "$share/";
    private static final int MAX_BYTES = 65_535;

    private TopicFilters() {
    }

    /** Throws {@link IllegalArgumentException} unless {@code topic} is a valid topic name (no wildcards). */
    public static void requireValidTopicName(String topic) {
        requireLength("topic", topic);
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw new IllegalArgumentException("topic: '" + topic + "' must not contain the wildcards + or #");
        }
    }

    /** Throws {@link IllegalArgumentException} unless {@code filter} is a valid (possibly shared) topic filter. */
    public static void requireValidFilter(String filter) {
        requireLength("filter", filter);
        String plain = filter;
        if (isShared(filter)) {
            int slash = filter.indexOf('/', SHARE_PREFIX.length());
            String group = slash < 0 ? "" : filter.substring(SHARE_PREFIX.length(), slash);
            if (group.isEmpty() || group.indexOf('+') >= 0 || group.indexOf('#') >= 0 || slash == filter.length() - 1) {
                throw new IllegalArgumentException("filter: '" + filter
                        + "' must look like $share/<group>/<filter> with a group name free of wildcards");
            }
            plain = filter.substring(slash + 1);
        }
        String[] levels = plain.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                throw new IllegalArgumentException("filter: '" + filter + "' may use # only as the whole last level");
            }
            if (level.contains("+") && !level.equals("+")) {
                throw new IllegalArgumentException("filter: '" + filter + "' may use + only as a whole level");
            }
        }
    }

    /** True for an MQTT 5 shared subscription filter ({@code $share/<group>/<filter>}). */
    public static boolean isShared(String filter) {
        return filter.startsWith(SHARE_PREFIX);
    }

    /** The filter without its {@code $share/<group>/} prefix. */
    public static String withoutShare(String filter) {
        return isShared(filter) ? filter.substring(filter.indexOf('/', SHARE_PREFIX.length()) + 1) : filter;
    }

    /** True when the filter has a wildcard (after removing a share prefix). */
    public static boolean hasWildcard(String filter) {
        String plain = withoutShare(filter);
        return plain.indexOf('+') >= 0 || plain.indexOf('#') >= 0;
    }

    /** True when {@code topic} matches {@code filter} (share prefix ignored; wildcards do not match {@code $} topics). */
    public static boolean matches(String filter, String topic) {
        String[] f = withoutShare(filter).split("/", -1);
        String[] t = topic.split("/", -1);
        if (topic.startsWith("$") && (f[0].equals("+") || f[0].equals("#"))) {
            return false;
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                // "a/#" also matches "a" itself (MQTT 5 section 4.7.1.2).
                return true;
            }
            if (i >= t.length || (!f[i].equals("+") && !f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    private static void requireLength(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + ": must not be empty");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + ": '" + value.replace("\0", "\\0") + "' must not contain NUL");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(what + ": longer than " + MAX_BYTES + " bytes");
        }
    }
}
