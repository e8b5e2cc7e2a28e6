package io.neuromesh.mqtt.internal.presence;

import io.neuromesh.mqtt.presence.GoneReason;
import io.neuromesh.mqtt.presence.PresenceClock;
import io.neuromesh.mqtt.presence.PresenceCodec;
import io.neuromesh.mqtt.presence.PresenceEvent;
import org.tinylog.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which peers count online, from the statuses heard and the time since: a peer is online while its last status
 * says so and it was heard from within its {@code offlineAfter}. Free of MQTT and threads, with time from a
 * {@link PresenceClock}, so it is tested alone. Not thread-safe: the watcher drives it from its one thread.
 *
 * <p>A Last Will ({@link PresenceCodec#lastWill}) of a peer counted online is held before it counts: for
 * {@code willHold} while this participant's own connection stays up; when that connection drops meanwhile, or the
 * Will arrives while it is down or within the peer's {@code offlineAfter} after it came back, until that
 * {@code offlineAfter} has passed since it came back. A broker that stops publishes every client's Will (Mosquitto
 * does, just before it closes the connections) and one that restarts may too: those peers are most likely
 * reconnecting as well, and counting them gone would move everything they run. Any newer status of the peer
 * replaces a held Will; a peer that stays silent leaves by its silence allowance as usual.
 *
 * <p>A participant that hears its own statuses, and knows its own heartbeat interval ({@link PresenceCodec#interval}),
 * counts its peers' silence only up to {@link #ECHO_SLACK} own intervals after it last heard itself: when its own
 * heartbeats stop coming back, the broker or this process lags, and its peers' heartbeats are most likely queued
 * behind the same lag (measured: four nodes on two cores after a large apply, each counting the others offline while
 * its own heartbeats were seconds late too). When its own heartbeat then arrives late, that lateness is forgiven to
 * every peer still counted online, whose queued heartbeats follow. A participant that stops hearing itself
 * altogether still counts a silent peer gone, after at most twice its allowance.
 *
 * @param <S> the caller's status type
 */
public final class Roster<S> {

    private record Peer<S>(S status, boolean online, long heardNanos, long allowedNanos, boolean member) {
    }

    /** A Last Will not counted yet: it counts at {@code dueNanos} ({@link Long#MAX_VALUE}: once the link is back). */
    private record HeldWill<S>(S status, boolean retained, long dueNanos) {
    }

    /** Own heartbeat intervals that may pass without hearing itself before this participant counts itself deaf. */
    static final int ECHO_SLACK = 2;

    private final PresenceCodec<S> codec;
    private final Duration offlineAfter;
    private final String self;
    private final PresenceClock clock;
    private final long willHoldNanos;
    private final Map<String, Peer<S>> peers = new HashMap<>();
    private final Map<String, HeldWill<S>> heldWills = new HashMap<>();
    /** When this participant last heard its own status live, and the heartbeat interval it announced (0: unknown). */
    private boolean selfHeard;
    private long selfHeardNanos;
    private long selfIntervalNanos;
    /** Whether this participant's own connection is down ({@link #linkLost()} without {@link #linkBack()} since). */
    private boolean linkDown;
    /** Whether the connection came back at least once, and when it last did. */
    private boolean cameBack;
    private long linkBackNanos;
    /** Peers whose last message was unreadable: a repeat is logged at debug level only. */
    private final Set<String> unreadable = new HashSet<>();
    private long malformed;

    /**
     * @param offlineAfter silence after which a peer counts gone, unless its status says otherwise
     * @param self         a peer whose statuses are reported as heard but never counted (this participant), or null
     * @param willHold     how long a Last Will of a peer counted online waits, while connected, before it counts
     */
    public Roster(PresenceCodec<S> codec, Duration offlineAfter, String self, PresenceClock clock, Duration willHold) {
        this.codec = codec;
        this.offlineAfter = offlineAfter;
        this.self = self;
        this.clock = clock;
        this.willHoldNanos = willHold.toNanos();
    }

    /**
     * A status message arrived on {@code peer}'s topic.
     *
     * @param retained true when the broker replayed it from its retained store
     * @return what changed, in order
     */
    public List<PresenceEvent<S>> received(String peer, byte[] payload, boolean retained) {
        List<PresenceEvent<S>> events = new ArrayList<>();
        if (payload.length == 0) {
            heldWills.remove(peer);
            Peer<S> known = peers.remove(peer);
            if (known != null) {
                if (known.member()) {
                    events.add(new PresenceEvent.Left<>(peer, known.status(), GoneReason.CLEARED));
                }
                events.add(new PresenceEvent.Forgotten<>(peer));
            }
            return events;
        }
        S status;
        Peer<S> current = peers.get(peer);
        try {
            status = codec.decode(peer, payload, current == null ? null : current.status());
        } catch (RuntimeException e) {
            malformed++;
            if (unreadable.add(peer)) {
                Logger.warn("presence: unreadable status of {} ignored: {}", peer, e.getMessage());
            } else {
                Logger.debug("presence: unreadable status of {} ignored again: {}", peer, e.getMessage());
            }
            return events;
        }
        unreadable.remove(peer);
        long now = clock.nanoTime();
        if (!peer.equals(self) && current != null && current.member() && codec.lastWill(status)) {
            HeldWill<S> before = heldWills.get(peer);
            long due = before != null ? before.dueNanos() : willDue(current, now);
            heldWills.put(peer, new HeldWill<>(status, retained, due));
            return events;
        }
        heldWills.remove(peer);
        count(peer, status, retained, now, events);
        return events;
    }

    /** The status counts now: heard, and the peer's membership follows from it. */
    private void count(String peer, S status, boolean retained, long now, List<PresenceEvent<S>> events) {
        events.add(new PresenceEvent.Heard<>(peer, status));
        if (peer.equals(self)) {
            if (!retained) {
                heardSelf(status, now);
            }
            return;
        }
        long heard = now - (retained ? age(status) : 0);
        Peer<S> known = peers.get(peer);
        if (known != null) {
            // A retained status replayed after a reconnect is not news: it must not make the peer look older.
            heard = Math.max(heard, known.heardNanos());
        }
        Duration allowed = codec.offlineAfter(status);
        peers.put(peer, new Peer<>(status, codec.online(status), heard,
                (allowed == null ? offlineAfter : allowed).toNanos(), known != null && known.member()));
        evaluate(peer, now, events);
    }

    /**
     * Re-evaluates every peer against the time now: who fell silent (or, after {@link #forgive}, is back), and
     * counts the held Last Wills that are due.
     */
    public List<PresenceEvent<S>> check() {
        List<PresenceEvent<S>> events = new ArrayList<>();
        long now = clock.nanoTime();
        for (String peer : new ArrayList<>(heldWills.keySet())) {
            HeldWill<S> will = heldWills.get(peer);
            if (will.dueNanos() != Long.MAX_VALUE && now - will.dueNanos() >= 0) {
                heldWills.remove(peer);
                count(peer, will.status(), will.retained(), now, events);
            }
        }
        for (String peer : new ArrayList<>(peers.keySet())) {
            evaluate(peer, now, events);
        }
        return events;
    }

    /** This participant's connection dropped: the Wills held now wait until it is back. */
    public void linkLost() {
        linkDown = true;
        heldWills.replaceAll((peer, will) -> new HeldWill<>(will.status(), will.retained(), Long.MAX_VALUE));
    }

    /** This participant's connection is back: each held Will waits for its peer's silence allowance from now. */
    public void linkBack() {
        linkDown = false;
        cameBack = true;
        linkBackNanos = clock.nanoTime();
        heldWills.replaceAll((peer, will) -> new HeldWill<>(will.status(), will.retained(),
                linkBackNanos + peers.get(peer).allowedNanos()));
    }

    /** When the next held Will counts, in {@link PresenceClock#nanoTime()}; empty when none waits for a time. */
    public OptionalLong nextWillDue() {
        return heldWills.values().stream().mapToLong(HeldWill::dueNanos).filter(due -> due != Long.MAX_VALUE).min();
    }

    private long willDue(Peer<S> peer, long now) {
        if (linkDown) {
            return Long.MAX_VALUE;
        }
        boolean justBack = cameBack && now - linkBackNanos < peer.allowedNanos();
        return justBack ? linkBackNanos + peer.allowedNanos() : now + willHoldNanos;
    }

    /** This participant could not listen for {@code deaf}: that time does not count as silence of its peers. */
    public void forgive(Duration deaf) {
        forgive(deaf.toNanos(), clock.nanoTime(), false);
    }

    /** @param membersOnly true to leave the peers already counted gone as they are */
    private void forgive(long deafNanos, long now, boolean membersOnly) {
        peers.replaceAll((peer, p) -> membersOnly && !p.member() ? p : new Peer<>(p.status(), p.online(),
                Math.min(now, p.heardNanos() + deafNanos), p.allowedNanos(), p.member()));
    }

    /**
     * This participant heard its own status live: lateness beyond the slack was deafness, not its peers' silence.
     * Only peers still counted online are forgiven it: one counted gone meanwhile (its silence passed the bound) comes
     * back with its next status, not without one.
     */
    private void heardSelf(S status, long now) {
        if (selfHeard && selfIntervalNanos > 0) {
            long late = now - selfHeardNanos - ECHO_SLACK * selfIntervalNanos;
            if (late > 0) {
                forgive(late, now, true);
            }
        }
        Duration interval = codec.interval(status);
        selfHeard = true;
        selfHeardNanos = now;
        selfIntervalNanos = interval == null ? 0 : interval.toNanos();
    }

    /**
     * The time up to which a peer's silence counts: now, or while this participant's own heartbeats are late, the
     * moment it stopped hearing itself (plus the slack), but never more than {@code allowedNanos} before now.
     */
    private long listenedUntil(long now, long allowedNanos) {
        if (!selfHeard || selfIntervalNanos == 0) {
            return now;
        }
        return Math.max(Math.min(now, selfHeardNanos + ECHO_SLACK * selfIntervalNanos), now - allowedNanos);
    }

    /** The peers online now with their last status, in no particular order. */
    public Map<String, S> online() {
        Map<String, S> online = new LinkedHashMap<>();
        peers.forEach((peer, p) -> {
            if (p.member()) {
                online.put(peer, p.status());
            }
        });
        return online;
    }

    /** Status messages that could not be read, since this roster was built. */
    public long malformed() {
        return malformed;
    }

    private void evaluate(String peer, long now, List<PresenceEvent<S>> events) {
        Peer<S> p = peers.get(peer);
        boolean member = p.online() && listenedUntil(now, p.allowedNanos()) - p.heardNanos() <= p.allowedNanos();
        if (member == p.member()) {
            return;
        }
        peers.put(peer, new Peer<>(p.status(), p.online(), p.heardNanos(), p.allowedNanos(), member));
        events.add(member ? new PresenceEvent.Joined<>(peer, p.status())
                : new PresenceEvent.Left<>(peer, p.status(), p.online() ? GoneReason.SILENT : GoneReason.SAID_OFFLINE));
    }

    /** How long ago the sender wrote the status, by its own time stamp; zero when it does not say. */
    private long age(S status) {
        Instant sent = codec.sentAt(status);
        return sent == null ? 0 : Math.max(0, Duration.between(sent, clock.instant()).toNanos());
    }
}
