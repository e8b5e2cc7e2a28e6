package io.neuromesh.broker.internal.auth;

import io.neuromesh.broker.Role;

import java.util.List;
import java.util.Map;

/**
 * Who may publish and subscribe where: the rules of each {@link Role} (the table in {@code docs/security.md} lists
 * the same lines) and the decision for one publish or subscription. A pure function of its arguments; thread-safe.
 *
 * <p>A subscription is allowed when one rule's pattern covers the whole filter: {@code neuromesh/nodes/+/status} is
 * covered by {@code neuromesh/nodes/#} but {@code neuromesh/#} is not. A shared subscription
 * ({@code $share/<group>/<filter>}) is judged by its filter.
 */
public final class Acl {

    /** Client id prefixes of the fleet's own clients, reserved to the node named after them (or an operator). */
    static final String NODE_CLIENT = "neuromesh-node-";
    static final String READER_SUFFIX = "-reader";
    /** A node's input connections: {@code neuromesh-node-<id>.in1}, {@code .in2}, ... (no id has a dot) */
    static final String INPUT_SUFFIX = ".in";
    static final String WORKER_CLIENT = "neuromesh-worker-";
    private static final String SHARE_PREFIX = "$share/";

    private static final Map<Role, List<Rule>> RULES = Map.of(
            Role.OPERATOR, List.of(Rule.readwrite("#")),
            Role.NODE, List.of(
                    Rule.readwrite("neuromesh/nodes/%u/#"),
                    Rule.read("neuromesh/nodes/#"),
                    Rule.readwrite("neuron/#"),
                    Rule.read("neuromesh/topology"),
                    Rule.readwrite("neuromesh/topology/history"),
                    Rule.readwrite("neuromesh/topology/history/+"),
                    Rule.read("neuromesh/request/#"),
                    Rule.write("neuromesh/reply/#"),
                    Rule.readwrite("neuromesh/workers/%u/#"),
                    Rule.read("neuromesh/tasks/#"),
                    Rule.read("neuromesh/revoke"),
                    Rule.write("neuromesh/replies/#")),
            Role.VIEWER, List.of(
                    Rule.read("#"),
                    Rule.write("neuromesh/request/logs"),
                    Rule.write("neuromesh/request/inspect"),
                    Rule.write("neuromesh/reply/%c/#")));

    private Acl() {
    }

    /** @return the rules of {@code role}, in the order they are listed */
    public static List<Rule> rules(Role role) {
        return RULES.get(role);
    }

    /**
     * @param topic the topic of a PUBLISH (or of a Last Will)
     * @return why it is refused, or null when it is allowed
     */
    public static String publishDenial(Role role, String user, String clientId, String topic) {
        for (Rule rule : rules(role)) {
            String pattern = rule.expand(user, clientId);
            if (rule.access().allowsPublish() && pattern != null && covers(pattern, topic)) {
                return null;
            }
        }
        return role.text() + " '" + user + "' may not publish to " + topic + hint(role);
    }

    /**
     * @param filter a subscription's topic filter, possibly shared
     * @return why it is refused, or null when it is allowed
     */
    public static String subscribeDenial(Role role, String user, String clientId, String filter) {
        String plain = unshared(filter);
        for (Rule rule : rules(role)) {
            String pattern = rule.expand(user, clientId);
            if (rule.access().allowsSubscribe() && pattern != null && covers(pattern, plain)) {
                return null;
            }
        }
        return role.text() + " '" + user + "' may not subscribe to " + filter + hint(role);
    }

    /**
     * The fleet's own client ids ({@code neuromesh-node-<id>}, its {@code -reader} and {@code .in<n>},
     * {@code neuromesh-worker-<id>})
     * belong to node {@code <id>}: anyone else connecting with one would take over that node's session.
     *
     * @return why this client id is refused to this user, or null when it may use it
     */
    public static String clientIdDenial(Role role, String user, String clientId) {
        if (role == Role.OPERATOR || !clientId.startsWith(NODE_CLIENT) && !clientId.startsWith(WORKER_CLIENT)) {
            return null;
        }
        boolean own = role == Role.NODE && (clientId.equals(NODE_CLIENT + user)
                || clientId.equals(NODE_CLIENT + user + READER_SUFFIX) || isInputLink(clientId, NODE_CLIENT + user)
                || clientId.equals(WORKER_CLIENT + user));
        return own ? null : "client id '" + clientId + "' belongs to a node's own connection; " + role.text() + " '"
                + user + "' may not use it";
    }

    /** Whether {@code clientId} is {@code <node client>.in<n>}, n a positive number without leading zeros. */
    private static boolean isInputLink(String clientId, String nodeClient) {
        String prefix = nodeClient + INPUT_SUFFIX;
        if (!clientId.startsWith(prefix) || clientId.length() == prefix.length()
                || clientId.charAt(prefix.length()) == '0') {
            return false;
        }
        for (int i = prefix.length(); i < clientId.length(); i++) {
            if (clientId.charAt(i) < '0' || clientId.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code pattern} matches every topic {@code filter} matches (for a topic: whether it matches it). */
    static boolean covers(String pattern, String filter) {
        String[] p = pattern.split("/", -1);
        String[] f = filter.split("/", -1);
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals("#")) {
                return true;
            }
            if (i >= f.length || f[i].equals("#")) {
                return false;
            }
            if (!p[i].equals("+") && (f[i].equals("+") || !p[i].equals(f[i]))) {
                return false;
            }
        }
        return p.length == f.length;
    }

    private static String unshared(String filter) {
        if (!filter.startsWith(SHARE_PREFIX)) {
            return filter;
        }
        int slash = filter.indexOf('/', SHARE_PREFIX.length());
        return slash < 0 ? filter : filter.substring(slash + 1);
    }

    private static String hint(Role role) {
        return switch (role) {
            case OPERATOR -> "";
            case NODE -> " (a node writes only its own neuromesh/nodes/<its name>/..., neuron topics, the applied"
                    + " history, replies and its worker topics)";
            case VIEWER -> " (a viewer reads everything and publishes only logs and inspect requests)";
        };
    }
}
