package io.neuromesh.mqtt.internal.presence;

import io.neuromesh.mqtt.internal.TopicFilters;

import java.util.List;

/**
 * A status filter with exactly one single-level wildcard, whose level names the peer:
 * {@code neuromesh/workers/+/status} holds the status of worker {@code w1} on {@code neuromesh/workers/w1/status}.
 *
 * @param filter the validated filter
 * @param level  the index of its {@code +} level
 */
public record PeerTopics(String filter, int level) {

    /**
     * @throws IllegalArgumentException when the filter is not a plain filter with exactly one {@code +} level
     */
    public static PeerTopics of(String filter) {
        TopicFilters.requireValidFilter(filter);
        List<String> levels = List.of(filter.split("/", -1));
        int plus = levels.indexOf("+");
        boolean one = plus >= 0 && plus == levels.lastIndexOf("+");
        if (!one || filter.contains("#") || TopicFilters.isShared(filter)) {
            throw new IllegalArgumentException("filter: must have exactly one '+' level naming the peer and no '#'"
                    + " or $share, e.g. neuromesh/workers/+/status; got '" + filter + "'");
        }
        return new PeerTopics(filter, plus);
    }

    /** The peer a status topic belongs to, or null when the topic does not match the filter. */
    public String peerOf(String topic) {
        if (!TopicFilters.matches(filter, topic)) {
            return null;
        }
        return topic.split("/", -1)[level];
    }
}
