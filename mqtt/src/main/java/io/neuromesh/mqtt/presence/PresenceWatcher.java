package io.neuromesh.mqtt.presence;

import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.Lifecycle;
import io.neuromesh.mqtt.LinkListener;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.mqtt.internal.presence.PeerTopics;
import io.neuromesh.mqtt.internal.presence.Roster;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The watching side of presence: subscribes to a status filter, reads each status with the caller's codec, and
 * tells a listener which peers join and leave. A peer leaves when its status says offline, when no status arrived
 * for its {@code offlineAfter}, or when its retained status is cleared. Time this watcher could not listen (its
 * process stalled, or its link was down) does not count as silence of its peers. A peer's Last Will counts after
 * {@link Builder#willHold}, or, when this watcher's own link drops meanwhile or has just come back, once the peer has
 * had its {@code offlineAfter} to come back too: a broker that stops publishes every client's Will.
 *
 * <p>Threading: thread-safe. Statuses are read and timeouts checked on the watcher's own thread; the listener runs
 * on the executor the caller gives, never on an MQTT thread.
 *
 * @param <S> the caller's status type
 * @since 0.1
 */
public final class PresenceWatcher<S> implements AutoCloseable {

    /**
     * How long a peer's Last Will waits by default before it counts, while this watcher stays connected: Mosquitto
     * publishes every client's Will a few milliseconds before it closes the connections when it stops, and this
     * leaves room for this watcher to see its own connection drop too, on a loaded machine.
     */
    public static final Duration DEFAULT_WILL_HOLD = Duration.ofMillis(250);

    private final MqttLink link;
    private final PeerTopics topics;
    private final Roster<S> roster;
    private final PresenceClock clock;
    private final long checkNanos;
    private final Executor listenerExecutor;
    private final PresenceListener<S> listener;
    private final ScheduledExecutorService thread;
    private final CompletableFuture<Void> active = new CompletableFuture<>();
    private volatile Map<String, S> online = Map.of();
    private volatile long malformed;
    private long lastCheck;
    /** Whether a check for held Wills is scheduled, and for when ({@link PresenceClock#nanoTime()}); watcher thread. */
    private boolean willCheckScheduled;
    private long willCheckAt;
    private final Lifecycle lifecycle = new Lifecycle();

    private PresenceWatcher(Builder<S> b) {
        this.link = b.link;
        this.topics = b.topics;
        this.clock = b.clock;
        this.roster = new Roster<>(b.codec, b.offlineAfter, b.self, b.clock, b.willHold);
        this.checkNanos = (b.checkEvery != null ? b.checkEvery : defaultCheck(b.offlineAfter)).toNanos();
        this.listenerExecutor = b.executor;
        this.listener = b.listener;
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("presence-" + link.config().clientId() + "-watch").factory());
    }

    /**
     * A builder for a watcher on {@code link} of the statuses on {@code filter}, whose one {@code +} level names the
     * peer (e.g. {@code neuromesh/workers/+/status}).
     */
    public static <S> Builder<S> builder(MqttLink link, String filter, PresenceCodec<S> codec) {
        return new Builder<>(link, filter, codec);
    }

    /**
     * Subscribes and starts checking (idempotent); returns at once, so that it may be called before the link has
     * connected.
     *
     * @return completes when the link is connected and the subscription active; fails with a
     *         {@link MqttLinkException} when the watcher is closed first
     * @throws MqttLinkException when the broker refuses the subscription
     */
    public synchronized CompletableFuture<Void> start() {
        if (!lifecycle.start()) {
            return active;
        }
        link.addListener(new LinkListener() {
            @Override
            public void connected(boolean reconnect) {
                active.complete(null);
                if (reconnect) {
                    onWatcherThread(() -> {
                        roster.linkBack();
                        scheduleWills();
                    });
                }
            }

            @Override
            public void disconnected(String reason) {
                onWatcherThread(roster::linkLost);
            }
        });
        thread.execute(() -> lastCheck = clock.nanoTime());
        try {
            link.subscribe(List.of(Subscription.of(topics.filter())), thread, this::onMessage);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (link.state() == LinkState.CONNECTED) {
            active.complete(null);
        }
        thread.scheduleAtFixedRate(this::check, checkNanos, checkNanos, TimeUnit.NANOSECONDS);
        return active;
    }

    /** The peers online now (this participant excluded) with their last status; an immutable snapshot. */
    public Map<String, S> online() {
        return online;
    }

    /** Status messages that could not be read (each one logged and ignored). */
    public long malformed() {
        return malformed;
    }

    /** Stops checking and unsubscribes (idempotent); the listener gets no more events. */
    @Override
    public synchronized void close() {
        if (lifecycle.close() == Lifecycle.Phase.CLOSED) {
            return;
        }
        thread.shutdownNow();
        active.completeExceptionally(new MqttLinkException("the watcher of " + topics.filter() + " was closed"));
        if (link.state() == LinkState.CONNECTED) {
            try {
                link.unsubscribe(List.of(topics.filter()));
            } catch (RuntimeException e) {
                Logger.debug("watcher of {}: unsubscribe failed: {}", topics.filter(), e.toString());
            }
        }
    }

    // ---- the watcher's thread -----------------------------------------------------------------------------------

    private void onMessage(InboundMessage message) {
        String peer = topics.peerOf(message.topic());
        if (peer != null) {
            report(roster.received(peer, message.payload(), message.retained()));
            scheduleWills();
        }
    }

    /**
     * A check when the next held Will is due, so that it counts on time, not at the next periodic check; none when
     * one is scheduled already for that time or earlier. Watcher thread only.
     */
    private void scheduleWills() {
        roster.nextWillDue().ifPresent(due -> {
            if (willCheckScheduled && due - willCheckAt >= 0) {
                return;
            }
            willCheckScheduled = true;
            willCheckAt = due;
            onWatcherThread(this::checkWills, Math.max(0, due - clock.nanoTime()));
        });
    }

    /** Counts the held Wills that are due, then schedules the check for the next one (a later Will held meanwhile). */
    private void checkWills() {
        willCheckScheduled = false;
        report(roster.check());
        scheduleWills();
    }

    private void onWatcherThread(Runnable task) {
        onWatcherThread(task, 0);
    }

    private void onWatcherThread(Runnable task, long delayNanos) {
        try {
            thread.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            Logger.debug("watcher of {}: closed", topics.filter());
        }
    }

    /**
     * Expires silent peers, but only for time this watcher could listen: a check that comes late (the process
     * stalled) or a check while disconnected forgives that time.
     */
    private void check() {
        long now = clock.nanoTime();
        long gap = now - lastCheck;
        lastCheck = now;
        long deaf = link.state() == LinkState.CONNECTED ? Math.max(0, gap - 2 * checkNanos) : gap;
        if (deaf > 0) {
            roster.forgive(Duration.ofNanos(deaf));
            report(List.of(new PresenceEvent.Forgiven<>(Duration.ofNanos(deaf))));
        }
        report(roster.check());
    }

    private void report(List<PresenceEvent<S>> events) {
        malformed = roster.malformed();
        if (events.isEmpty()) {
            return;
        }
        online = Map.copyOf(roster.online());
        for (PresenceEvent<S> event : events) {
            try {
                listenerExecutor.execute(() -> deliver(event));
            } catch (RejectedExecutionException closed) {
                Logger.debug("watcher of {}: listener executor closed, {} dropped", topics.filter(), event);
            }
        }
    }

    private void deliver(PresenceEvent<S> event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            Logger.warn(e, "watcher of {}: listener failed on {}", topics.filter(), event);
        }
    }

    private static Duration defaultCheck(Duration offlineAfter) {
        Duration quarter = offlineAfter.dividedBy(4);
        Duration min = Duration.ofMillis(10);
        Duration max = Duration.ofSeconds(1);
        return quarter.compareTo(min) < 0 ? min : quarter.compareTo(max) > 0 ? max : quarter;
    }

    /** Settings of a {@link PresenceWatcher}; validated by {@link #build()}. */
    public static final class Builder<S> {
        private final MqttLink link;
        private final PeerTopics topics;
        private final PresenceCodec<S> codec;
        private Duration offlineAfter;
        private Duration checkEvery;
        private String self;
        private PresenceClock clock = PresenceClock.system();
        private Executor executor;
        private PresenceListener<S> listener = event -> { };
        private Duration willHold = DEFAULT_WILL_HOLD;

        private Builder(MqttLink link, String filter, PresenceCodec<S> codec) {
            if (link == null || codec == null) {
                throw new IllegalArgumentException("link and codec: must not be null");
            }
            this.link = link;
            this.topics = PeerTopics.of(filter);
            this.codec = codec;
        }

        /** Silence after which a peer counts gone, unless its status says otherwise (required). */
        public Builder<S> offlineAfter(Duration offlineAfter) {
            this.offlineAfter = offlineAfter;
            return this;
        }

        /** How often silence is checked; default a quarter of {@code offlineAfter}, within 10 ms to 1 s. */
        public Builder<S> checkEvery(Duration checkEvery) {
            this.checkEvery = checkEvery;
            return this;
        }

        /**
         * This participant's own peer id: its statuses are reported as heard, never as joining or leaving. When they
         * announce its heartbeat interval ({@link PresenceCodec#interval}), a peer's silence counts only while its own
         * heartbeats come back on time (and at most twice the peer's allowance otherwise): a lag of the broker or of
         * this process is not taken for the peers' silence.
         */
        public Builder<S> self(String self) {
            this.self = self;
            return this;
        }

        /**
         * How long a peer's Last Will ({@link PresenceCodec#lastWill}) waits before it counts while this watcher
         * stays connected; default {@link #DEFAULT_WILL_HOLD}. Zero counts a Will right after it arrives, unless this
         * watcher's link is down or has just come back.
         */
        public Builder<S> willHold(Duration willHold) {
            this.willHold = willHold;
            return this;
        }

        /** The clock silence is measured with (tests). */
        public Builder<S> clock(PresenceClock clock) {
            this.clock = clock;
            return this;
        }

        /** Where events go: {@code listener} runs on {@code executor} (required). */
        public Builder<S> listener(Executor executor, PresenceListener<S> listener) {
            this.executor = executor;
            this.listener = listener;
            return this;
        }

        /** The watcher (not started). */
        public PresenceWatcher<S> build() {
            requirePositive("offlineAfter", offlineAfter);
            if (checkEvery != null) {
                requirePositive("checkEvery", checkEvery);
            }
            if (willHold == null || willHold.isNegative()) {
                throw new IllegalArgumentException("willHold: must be zero or a positive duration, got " + willHold);
            }
            if (executor == null || listener == null || clock == null) {
                throw new IllegalArgumentException("listener, its executor and clock: must not be null");
            }
            return new PresenceWatcher<>(this);
        }

        private static void requirePositive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + ": must be a positive duration, got " + value);
            }
        }
    }
}
