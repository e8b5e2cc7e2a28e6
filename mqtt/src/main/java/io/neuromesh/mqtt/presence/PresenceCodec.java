package io.neuromesh.mqtt.presence;

import java.time.Duration;
import java.time.Instant;

/**
 * The caller's status message as presence needs it: how it is written and read, and what it says about liveness.
 * The presence component never looks inside the bytes itself.
 *
 * <p>Threading: called on the announcer's and the watcher's own threads; implementations must be thread-safe
 * (stateless ones are).
 *
 * @param <S> the caller's status type
 * @since 0.1
 */
public interface PresenceCodec<S> {

    /** The payload of {@code status}. */
    byte[] encode(S status);

    /**
     * Reads the status published on the topic of {@code peer}.
     *
     * @throws IllegalArgumentException when the payload is not a status of {@code peer}; the message says what is
     *                                  wrong and is logged with the topic
     */
    S decode(String peer, byte[] payload);

    /** False when the status says its sender is offline or leaving: watchers count it gone at once. */
    boolean online(S status);

    /**
     * When the sender wrote the status (its wall clock), or null when the status does not say. A retained status
     * replayed by the broker is treated as heard that long ago, so a stale one does not make a dead peer look alive.
     */
    default Instant sentAt(S status) {
        return null;
    }

    /**
     * How long the sender may stay silent before watchers count it gone, when the status says (e.g. from the
     * heartbeat interval it announces); null to use the watcher's configured
     * {@link PresenceWatcher.Builder#offlineAfter(Duration) offlineAfter}.
     */
    default Duration offlineAfter(S status) {
        return null;
    }
}
