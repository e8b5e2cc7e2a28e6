package io.neuromesh.broker;

import io.neuromesh.topology.Ids;

import java.util.Objects;

/**
 * A user of the embedded broker as {@link UserFile#list()} shows it: never its password hash.
 *
 * @param name the user name, an id (1-64 characters of {@code A-Z a-z 0-9 _ -}); a node's user name is its node id
 * @param role what the user may do
 * @since 0.2
 */
public record User(String name, Role role) {

    public User {
        Ids.require("user", name);
        Objects.requireNonNull(role, "role: must not be null");
    }
}
