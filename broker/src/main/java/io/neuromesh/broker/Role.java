package io.neuromesh.broker;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user of the embedded broker may do; the topics of each role are listed in {@code docs/security.md}.
 *
 * @since 0.2
 */
public enum Role {
    /** Everything: topologies, {@code gpio set}, tasks, logs, clearing logs. */
    OPERATOR,
    /**
     * An edge node (and its task worker): its user name is its node id. It writes its own
     * {@code neuromesh/nodes/<name>/#} and {@code neuromesh/workers/<name>/#}, the neuron topics, the applied history
     * and replies; it never writes the topology nor another node's subtree.
     */
    NODE,
    /** Reads everything; writes nothing but the read-only requests ({@code logs}, {@code inspect}). */
    VIEWER;

    /** @return the role as users type it: {@code operator}, {@code node} or {@code viewer} */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code operator}, {@code node} or {@code viewer} (any case)
     * @return the role
     * @throws IllegalArgumentException naming the roles there are
     */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.text().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role: must be one of " + names() + ", got '" + text + "'");
    }

    /** @return the roles as users type them, e.g. {@code operator, node, viewer} */
    public static String names() {
        return Arrays.stream(values()).map(Role::text).collect(Collectors.joining(", "));
    }
}
