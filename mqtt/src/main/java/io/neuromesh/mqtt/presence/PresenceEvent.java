package io.neuromesh.mqtt.presence;

import java.time.Duration;

/**
 * What a {@link PresenceWatcher} reports, in the order it happened.
 *
 * @param <S> the caller's status type
 * @since 0.1
 */
public sealed interface PresenceEvent<S> {

    /** A readable status arrived from {@code peer} (every heartbeat, before any {@link Joined} or {@link Left}). */
    record Heard<S>(String peer, S status) implements PresenceEvent<S> {
    }

    /** {@code peer} now counts online. */
    record Joined<S>(String peer, S status) implements PresenceEvent<S> {
    }

    /** {@code peer} no longer counts online; {@code lastStatus} is the last status heard from it. */
    record Left<S>(String peer, S lastStatus, GoneReason reason) implements PresenceEvent<S> {
    }

    /** {@code peer}'s retained status was cleared: it is forgotten (after a {@link Left} if it was online). */
    record Forgotten<S>(String peer) implements PresenceEvent<S> {
    }

    /**
     * The watcher could not listen for {@code deaf} (its process stalled, or its connection was down) and did not
     * count that time as silence of its peers.
     */
    record Forgiven<S>(Duration deaf) implements PresenceEvent<S> {
    }
}
