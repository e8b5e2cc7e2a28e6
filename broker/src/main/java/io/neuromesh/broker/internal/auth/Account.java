package io.neuromesh.broker.internal.auth;

import io.neuromesh.broker.Role;
import io.neuromesh.broker.User;
import io.neuromesh.topology.Ids;

import java.util.Objects;

/**
 * One line of the user file: a user, its role and its password hash. {@link #toString()} leaves the hash out.
 *
 * @param name the user name, an id
 * @param role its role
 * @param hash its password hash, as {@link PasswordHash} stores it
 */
public record Account(String name, Role role, String hash) {

    public Account {
        Ids.require("user", name);
        Objects.requireNonNull(role, "role: must not be null");
        Objects.requireNonNull(hash, "hash: must not be null");
        String problem = PasswordHash.problem(hash);
        if (problem != null) {
            throw new IllegalArgumentException("user '" + name + "': " + problem);
        }
    }

    /** @return the user without its hash */
    public User user() {
        return new User(name, role);
    }

    /** @return this account with another role */
    public Account withRole(Role other) {
        return new Account(name, other, hash);
    }

    @Override
    public String toString() {
        return "Account[" + name + ", " + role.text() + "]";
    }
}
