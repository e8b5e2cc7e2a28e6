package io.neuromesh.broker.internal.auth;

/** What a rule of the {@link Acl} lets a client do with a topic. */
public enum Access {
    /** Subscribe only. */
    READ,
    /** Publish only. */
    WRITE,
    /** Both. */
    READWRITE;

    boolean allowsPublish() {
        return this != READ;
    }

    boolean allowsSubscribe() {
        return this != WRITE;
    }
}
