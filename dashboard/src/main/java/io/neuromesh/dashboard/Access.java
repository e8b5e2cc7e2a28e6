package io.neuromesh.dashboard;

/**
 * Who may use the dashboard, which follows from whether it was given a broker user.
 *
 * @since 0.3
 */
public enum Access {
    /** An open broker (the dashboard connects anonymously): every visitor reads and acts, with no login. */
    OPEN,
    /**
     * A broker with users (the dashboard has a user of its own): visitors log in with their Neuromesh user, and the
     * broker's ACL decides each action, published with the visitor's own connection.
     */
    LOGIN
}
