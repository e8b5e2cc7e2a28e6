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

    /**
     * Reads the status published on the topic of {@code peer}, given the last status read from that topic, so that
     * a compact heartbeat ({@link #encodeHeartbeat}) can be merged into it. The default ignores {@code held}.
     *
     * @param held the status of {@code peer} read last, or null when none is held
     * @throws IllegalArgumentException as {@link #decode(String, byte[])}
     */
    default S decode(String peer, byte[] payload, S held) {
        return decode(peer, payload);
    }

    /**
     * The body of a periodic heartbeat that may go <em>not retained</em>, so that the retained status stays
     * {@code retained}: e.g. a compact form when {@code status} differs from {@code retained}, the status last
     * published retained, only in what heartbeats refresh. Null (the default) publishes {@code status} in full,
     * retained. Readers get it through {@link #decode(String, byte[], Object)}.
     */
    default byte[] encodeHeartbeat(S status, S retained) {
        return null;
    }

    /** False when the status says its sender is offline or leaving: watchers count it gone at once. */
    boolean online(S status);

    /**
     * True when {@code status} is the sender's Last Will as the broker published it, not the sender's own word. A
     * watcher holds such a status a moment before it counts ({@link PresenceWatcher.Builder#willHold}), because a
     * broker that stops or restarts publishes every client's Will. The default (false) counts every status at once.
     */
    default boolean lastWill(S status) {
        return false;
    }

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

    /**
     * How often the sender publishes its status (its heartbeat interval), when the status says; null (the default)
     * when it does not. A watcher that hears its own statuses ({@link PresenceWatcher.Builder#self}) uses its own
     * interval to tell its peers' silence from its own deafness: while its own heartbeats come back late, so do its
     * peers' (the broker, or this process, lags), and that time does not count as their silence.
     */
    default Duration interval(S status) {
        return null;
    }
}
