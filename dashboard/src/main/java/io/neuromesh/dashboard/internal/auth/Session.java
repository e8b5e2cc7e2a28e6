package io.neuromesh.dashboard.internal.auth;

import io.neuromesh.dashboard.internal.act.Actor;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One logged-in browser: its user, and the broker connection made as that user at login, through which its actions
 * are published. Thread-safe.
 */
public final class Session {

    private final String user;
    private final Actor actor;
    private final AtomicReference<Instant> lastUsed;

    Session(String user, Actor actor, Instant now) {
        this.user = user;
        this.actor = actor;
        this.lastUsed = new AtomicReference<>(now);
    }

    /** @return the Neuromesh user name */
    public String user() {
        return user;
    }

    /** @return what publishes this user's actions */
    public Actor actor() {
        return actor;
    }

    Instant lastUsed() {
        return lastUsed.get();
    }

    void touch(Instant now) {
        lastUsed.set(now);
    }

    void close() {
        actor.link().close();
    }
}
