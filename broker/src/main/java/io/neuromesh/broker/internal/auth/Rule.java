package io.neuromesh.broker.internal.auth;

import java.util.Objects;

/**
 * One line of a role's ACL, in Mosquitto's {@code acl_file} terms: an access and a topic pattern in which {@code %u}
 * stands for the user name and {@code %c} for the client id (Mosquitto's {@code pattern} lines use the same two).
 *
 * @param access  what the rule allows
 * @param pattern an MQTT topic filter, possibly with {@code %u} and {@code %c}
 */
public record Rule(Access access, String pattern) {

    public Rule {
        Objects.requireNonNull(access, "access: must not be null");
        Objects.requireNonNull(pattern, "pattern: must not be null");
    }

    static Rule read(String pattern) {
        return new Rule(Access.READ, pattern);
    }

    static Rule write(String pattern) {
        return new Rule(Access.WRITE, pattern);
    }

    static Rule readwrite(String pattern) {
        return new Rule(Access.READWRITE, pattern);
    }

    /**
     * @return the pattern for this user and client, or null when a name would change the pattern's meaning (holds
     *         a {@code /}, {@code +} or {@code #}): such a rule grants nothing
     */
    String expand(String user, String clientId) {
        if (pattern.contains("%u") && !plain(user) || pattern.contains("%c") && !plain(clientId)) {
            return null;
        }
        return pattern.replace("%u", user == null ? "" : user).replace("%c", clientId == null ? "" : clientId);
    }

    private static boolean plain(String name) {
        return name != null && !name.isEmpty() && name.chars().noneMatch(c -> c == '/' || c == '+' || c == '#');
    }

    /** Mosquitto's spelling: {@code pattern read neuromesh/topology}. */
    @Override
    public String toString() {
        return "pattern " + access.name().toLowerCase(java.util.Locale.ROOT) + " " + pattern;
    }
}
