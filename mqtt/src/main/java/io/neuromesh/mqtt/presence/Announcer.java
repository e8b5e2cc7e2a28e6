package io.neuromesh.mqtt.presence;

import io.neuromesh.mqtt.Lifecycle;
import io.neuromesh.mqtt.LinkListener;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Will;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The announcing side of presence: publishes the participant's retained status when the link connects (and again
 * after every reconnect, since the broker has published the Last Will meanwhile), re-publishes it every
 * {@link Announcement#heartbeat()} (or a {@linkplain #create(MqttLink, Announcement, Supplier, Supplier, Supplier) varying
 * interval}) while connected, publishes at once on {@link #publishNow()}, and says goodbye on
 * {@link #close()}. The link stays the caller's: the announcer neither starts nor closes it.
 *
 * <pre>{@code
 * Announcement<MyStatus> a = Announcement.of("fleet/w1/status", codec, Duration.ofSeconds(2), MyStatus.offline("w1"));
 * MqttLink link = MqttLink.create(a.on(linkConfig));
 * Announcer<MyStatus> announcer = Announcer.create(link, a, this::currentStatus, this::finalStatus);
 * link.start();
 * announcer.start().get(5, TimeUnit.SECONDS);
 * }</pre>
 *
 * <p>Threading: thread-safe. The status suppliers and the codec run on the announcer's own thread, never on an MQTT
 * thread; the goodbye supplier runs on the thread calling {@link #close()}.
 *
 * @param <S> the caller's status type
 * @since 0.1
 */
public final class Announcer<S> implements AutoCloseable {

    private final MqttLink link;
    private final Announcement<S> announcement;
    private final Supplier<S> status;
    private final Supplier<S> goodbye;
    private final Supplier<Duration> interval;
    private final ScheduledExecutorService thread;
    private final CompletableFuture<Void> announced = new CompletableFuture<>();
    /** Guards {@link #nextBeat} and {@link #stopped}: a heartbeat being rescheduled as the announcer closes. */
    private final Object beats = new Object();
    private ScheduledFuture<?> nextBeat;
    private boolean stopped;
    /**
     * The status this announcer last published retained, or null when the broker may hold another one (before the
     * first, and after a connection loss, when the broker has published the Last Will).
     */
    private volatile S retained;
    private final Lifecycle lifecycle = new Lifecycle();

    private Announcer(MqttLink link, Announcement<S> announcement, Supplier<S> status, Supplier<S> goodbye,
                      Supplier<Duration> interval) {
        this.link = link;
        this.announcement = announcement;
        this.status = status;
        this.goodbye = goodbye;
        this.interval = interval;
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("presence-" + link.config().clientId() + "-announce").factory());
    }

    /**
     * An announcer (not started) on {@code link}, whose configuration must carry {@code announcement}'s Last Will.
     *
     * @param status  the current status, asked for at every publish; may return null to skip one heartbeat (e.g.
     *                while the caller's main loop hangs, so that peers see it fall silent)
     * @param goodbye the last status, published by {@link #close()}; usually says offline or leaving
     * @throws IllegalArgumentException when the link's Last Will is not the announcement's
     */
    public static <S> Announcer<S> create(MqttLink link, Announcement<S> announcement, Supplier<S> status,
                                          Supplier<S> goodbye) {
        return create(link, announcement, status, goodbye, announcement::heartbeat);
    }

    /**
     * An announcer (not started) whose heartbeats are {@code interval} apart, asked again after each one, instead of
     * {@link Announcement#heartbeat()}: e.g. a longer interval in a larger fleet, with jitter so that peers do not
     * beat in step. A null, zero or negative answer counts as {@link Announcement#heartbeat()}.
     *
     * @param interval the delay until the next heartbeat; runs on the announcer's thread
     * @see #create(MqttLink, Announcement, Supplier, Supplier)
     */
    public static <S> Announcer<S> create(MqttLink link, Announcement<S> announcement, Supplier<S> status,
                                          Supplier<S> goodbye, Supplier<Duration> interval) {
        if (link == null || announcement == null || status == null || goodbye == null || interval == null) {
            throw new IllegalArgumentException("link, announcement, status, goodbye and interval: must not be null");
        }
        Will expected = announcement.will();
        Will actual = link.config().will();
        if (actual == null || !actual.topic().equals(expected.topic()) || !Arrays.equals(actual.payload(),
                expected.payload()) || !actual.retained()) {
            throw new IllegalArgumentException("link " + link.config().clientId() + ": its Last Will must be the"
                    + " retained status of the announcement on " + expected.topic() + "; create the link from"
                    + " announcement.on(config)");
        }
        return new Announcer<>(link, announcement, status, goodbye, interval);
    }

    /**
     * Starts announcing (idempotent) and returns at once, so that it may be called before the link has connected.
     *
     * @return completes when the first status has been published on a connected link; fails with a
     *         {@link MqttLinkException} saying why when the announcer is closed first
     */
    public synchronized CompletableFuture<Void> start() {
        if (!lifecycle.start()) {
            return announced;
        }
        link.addListener(new LinkListener() {
            @Override
            public void connected(boolean reconnect) {
                // After a reconnect the broker has published our Last Will: say we are back at once.
                retained = null;
                publishLater(Qos.AT_LEAST_ONCE);
            }

            @Override
            public void disconnected(String reason) {
                retained = null;
            }
        });
        if (link.state() == LinkState.CONNECTED) {
            publishLater(Qos.AT_LEAST_ONCE);
        }
        scheduleBeat();
        return announced;
    }

    /** The status changed: publishes it now at QoS 1, from the announcer's thread. */
    public void publishNow() {
        publishLater(Qos.AT_LEAST_ONCE);
    }

    /**
     * Runs {@code task} on the announcer's thread once every status asked for so far has been handed to the link, so
     * that what the task publishes on the same link reaches each subscriber after that status (a broker forwards one
     * client's messages in the order it received them). E.g. a result that a watcher reads as "done" goes after the
     * status that shows it done. After {@link #close()} the task runs on the calling thread.
     */
    public void afterPublished(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closed) {
            task.run();
        }
    }

    /** The announcement this announcer publishes. */
    public Announcement<S> announcement() {
        return announcement;
    }

    /**
     * Stops the heartbeats, publishes what {@link #publishNow()} asked for before, and, when started and connected,
     * publishes the goodbye status (idempotent). Call it
     * before closing the link, whose clean disconnect then suppresses the Last Will.
     */
    @Override
    public synchronized void close() {
        Lifecycle.Phase was = lifecycle.close();
        if (was == Lifecycle.Phase.CLOSED) {
            return;
        }
        // Stops the heartbeats; a change already asked for by publishNow() (e.g. "leaving") still goes out first.
        synchronized (beats) {
            stopped = true;
            if (nextBeat != null) {
                nextBeat.cancel(false);
            }
        }
        thread.shutdown();
        try {
            // A status being published now must not land after the goodbye.
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        announced.completeExceptionally(new MqttLinkException("the announcer of " + announcement.topic()
                + " was closed before it announced"));
        if (was == Lifecycle.Phase.STARTED && link.state() == LinkState.CONNECTED) {
            send(goodbye, Qos.AT_LEAST_ONCE);
        }
    }

    /** Announcer thread (or start): the next heartbeat, which schedules the one after it. */
    private void scheduleBeat() {
        long delay = nextInterval().toNanos();
        synchronized (beats) {
            if (stopped) {
                return;
            }
            nextBeat = thread.schedule(() -> {
                beat();
                scheduleBeat();
            }, delay, TimeUnit.NANOSECONDS);
        }
    }

    private Duration nextInterval() {
        try {
            Duration next = interval.get();
            return next == null || next.isNegative() || next.isZero() ? announcement.heartbeat() : next;
        } catch (RuntimeException e) {
            Logger.warn(e, "announcer of {}: heartbeat interval not known, using {}", announcement.topic(),
                    announcement.heartbeat());
            return announcement.heartbeat();
        }
    }

    private void publishLater(Qos qos) {
        try {
            thread.execute(() -> publish(qos));
        } catch (RejectedExecutionException closed) {
            Logger.debug("announcer of {}: closed, status not published", announcement.topic());
        }
    }

    /** Announcer thread: a status goes only on a connected link; the offline buffer would deliver it stale. */
    private void publish(Qos qos) {
        if (link.state() == LinkState.CONNECTED && send(status, qos)) {
            announced.complete(null);
        }
    }

    /**
     * Announcer thread: a heartbeat, not retained when the codec gives one for what is retained
     * ({@link PresenceCodec#encodeHeartbeat}); the retained status then stays the full one, for new subscribers. The
     * status is asked for once: a supplier may measure since its previous call (a rate per heartbeat).
     */
    private void beat() {
        if (link.state() != LinkState.CONNECTED) {
            return;
        }
        S current;
        byte[] compact;
        try {
            current = status.get();
            S last = retained;
            compact = current == null || last == null ? null : announcement.codec().encodeHeartbeat(current, last);
            if (compact != null) {
                link.publishIfOnline(OutboundMessage.of(announcement.topic(), compact, announcement.heartbeatQos(),
                        false));
                return;
            }
        } catch (RuntimeException e) {
            Logger.warn(e, "announcer of {}: heartbeat not published", announcement.topic());
            return;
        }
        if (current != null && send(() -> current, announcement.heartbeatQos())) {
            announced.complete(null);
        }
    }

    /** Publishes what {@code supplier} says; never throws, so that a failing supplier does not end the heartbeat. */
    private boolean send(Supplier<S> supplier, Qos qos) {
        try {
            S current = supplier.get();
            if (current == null) {
                return false;
            }
            // Never buffered: the link's state may still say connected just after the connection went, and a
            // status kept for the reconnect would be delivered then, stale, ahead of the one that says "back".
            if (!link.publishIfOnline(OutboundMessage.of(announcement.topic(), announcement.codec().encode(current),
                    qos, true))) {
                return false;
            }
            retained = current;
            return true;
        } catch (RuntimeException e) {
            Logger.warn(e, "announcer of {}: status not published", announcement.topic());
            return false;
        }
    }
}
