package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.RuntimeStats;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.brain.BrainEvent;
import io.neuromesh.edge.internal.brain.BrainLoop;
import io.neuromesh.edge.internal.port.ControlOutbox.StatusView;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.presence.Announcement;
import io.neuromesh.mqtt.presence.Announcer;
import io.neuromesh.mqtt.presence.GoneReason;
import io.neuromesh.mqtt.presence.PresenceEvent;
import io.neuromesh.mqtt.presence.PresenceWatcher;
import org.tinylog.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The node's presence, through the mqtt module's presence component: an {@link Announcer} publishes the retained
 * status (its Last Will is on the link), the heartbeat with the node's load every {@link HeartbeatInterval} (longer
 * in a larger fleet) and the goodbye; a {@link PresenceWatcher} tells which peers are online (posted to the brain as
 * {@link BrainEvent.MembershipChanged}, a newer set replacing one still waiting). Both run on their own threads, so a
 * busy brain never makes peers look silent. Presence adds what is the node's own: the {@link BrainWatchdog} (a stuck
 * brain makes the node say {@code offline}, {@code brain stalled}) and the detection of a second process running
 * with this node id.
 */
public final class Presence {

    /**
     * How long a starting node listens before it places neurons: the retained statuses of the nodes already online
     * arrive right after it subscribes; nodes starting at the same moment are found a heartbeat later.
     */
    private static final Duration LISTEN_BEFORE_PLACING = Duration.ofMillis(300);

    private final EdgeConfig config;
    private final MqttLink link;
    private final BrainLoop brain;
    private final Counters counters;
    private final IntSupplier queueDepth;
    private final Consumer<String> twinFound;
    private final Heartbeat heartbeat;
    private final HeartbeatInterval interval;
    /** How this node reads its peers' statuses, and the silence it allows them (its own, as it announces it). */
    private final NodeStatusPresence watching;
    private final BrainWatchdog watchdog;
    private final Announcer<NodeStatus> announcer;
    private final PresenceWatcher<NodeStatus> watcher;
    private final WillWitness witness;
    private final InputConnectionsHold hold;
    private final PeersHosting peersHosting = new PeersHosting();
    private final long periodNanos;
    /** Notified whenever a peer's status is heard (a handover waits on it). */
    private final Object heard = new Object();
    /** A {@link BrainEvent.PeersReported} waits on the brain thread: the next status heard needs no other. */
    private final AtomicBoolean peersQueued = new AtomicBoolean();
    /** The online nodes waiting for the brain thread: a newer set replaces it there. */
    private final AtomicReference<BrainEvent> membership = new AtomicReference<>();
    /** Tells this process apart from another one started with the same node id. */
    private final String instance = UUID.randomUUID().toString();
    /** When the node started: of two processes with one node id, the later one keeps it. */
    private volatile Instant started = nowMillis();
    private volatile NodeState state = NodeState.ONLINE;
    /** The status as the brain last built it, resent by heartbeats from the announcer's thread. */
    private volatile StatusView view = new StatusView(List.of(), 0, "", Optional.empty());
    /** Set once the node has listened to the fleet long enough to place neurons. */
    private volatile boolean fleetKnown;

    /**
     * @param announcement what this node announces; its Last Will must be on {@code link}
     * @param twinFound    called once with the reason when a newer process took this node id
     * @param hold         holds the online status after a reconnect until the input connections are back
     */
    public Presence(EdgeConfig config, MqttLink link, Announcement<NodeStatus> announcement, BrainLoop brain,
                    Counters counters, IntSupplier queueDepth, Consumer<String> twinFound, InputConnectionsHold hold) {
        this.config = config;
        this.hold = hold;
        this.link = link;
        this.brain = brain;
        this.counters = counters;
        this.queueDepth = queueDepth;
        this.twinFound = twinFound;
        this.heartbeat = new Heartbeat(counters);
        this.periodNanos = Math.max(10, config.heartbeat().toMillis() / 4) * 1_000_000;
        this.interval = new HeartbeatInterval(config.heartbeat(), () -> peers().size() + 1);
        this.watching = NodeStatusPresence.watching(config.heartbeat(), config.offlineAfter());
        this.announcer = Announcer.create(link, announcement, this::beat,
                () -> NodeStatus.offline(config.node(), "shutdown", Instant.now()), interval::next);
        this.watchdog = new BrainWatchdog(config.node(), brain, period(), config.heartbeat(),
                BrainWatchdog.HANG.plus(config.offlineAfter()), announcer::publishNow);
        // The listener posts to the brain, notifies waiters and at most publishes once (never blocking, but under
        // backpressure): it may run on the watcher's own thread, which is not an MQTT thread.
        this.watcher = PresenceWatcher.builder(link, Topics.ALL_STATUSES, watching)
                .offlineAfter(config.offlineAfter()).willHold(config.willHold()).checkEvery(period())
                .self(config.node())
                .listener(Runnable::run, this::onPresence).build();
        this.witness = new WillWitness(config.node(), link, () -> watcher.online().keySet());
    }

    /** The period of the watcher's silence checks and of the brain's liveness beat. */
    public Duration period() {
        return Duration.ofNanos(periodNanos);
    }

    /**
     * Subscribes to the fleet's statuses and starts announcing; call before the link starts.
     *
     * @return completes when this node's first status is published on a connected link
     */
    public CompletableFuture<Void> start() {
        started = nowMillis();
        watcher.start();
        watchdog.start();
        return announcer.start();
    }

    /** The link connected for the first time: neurons are placed once the node has listened a moment. */
    public void connected() {
        brain.schedule(this::listened, TimeUnit.NANOSECONDS.toMicros(LISTEN_BEFORE_PLACING.toNanos()));
    }

    /** Brain thread: a starting node does not grab every neuron before it has heard of its peers. */
    private void listened() {
        if (link.state() != LinkState.CONNECTED) {
            connected();
            return;
        }
        fleetKnown = true;
        postMembership();
    }

    /**
     * The link connected again (its subscriptions restored). Runs on the link's thread before the announcer hears of
     * the reconnect (its listener was added first), so the announcer's "back online" waits for the input connections.
     */
    public void reconnected() {
        hold.reconnected();
    }

    /** An input connection is back (link thread): the online status a reconnect held may go now. */
    public void inputConnectionBack() {
        if (hold.holding()) {
            announcer.publishNow();
        }
    }

    /**
     * True when some online node other than this one reports hosting {@code neuron}; a peer whose hosted set is not
     * known (a compact heartbeat this node could not match) reports none until its full status arrives. Thread-safe.
     */
    public boolean hostedElsewhere(String neuron) {
        return peersHosting.hosts(watcher.online(), neuron);
    }

    /** The last status of each online peer (this node excluded). Thread-safe. */
    public Map<String, NodeStatus> peers() {
        return watcher.online();
    }

    /**
     * Blocks the calling (lifecycle) thread until other online nodes report hosting all of {@code neurons}, or
     * {@code timeout} passes. Woken by every status heard, so it returns as soon as the last one is reported.
     *
     * @return true when all were taken over in time
     */
    public boolean awaitHostedElsewhere(Collection<String> neurons, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (heard) {
            while (!neurons.stream().allMatch(this::hostedElsewhere)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(heard, left);
            }
            return true;
        }
    }

    /**
     * Brain thread: the status may have changed; publish it at once, at QoS 1, unless it is the one last asked for (an
     * apply asks twice, for the new hosted set and with its result: 380 KB each for 50,000 neurons, delivered to every
     * peer and watcher while the fleet still applies).
     */
    public void status(StatusView next) {
        publish(next, !next.equals(view));
    }

    private void publish(StatusView next, boolean changed) {
        view = next;
        // The brain thread runs this: it is evidently alive, even if its liveness beat is still queued after a hang.
        brain.forgive(System.nanoTime());
        if (changed) {
            announcer.publishNow();
        }
    }

    /**
     * Runs {@code publish} after the status last asked for has gone to the link: a watcher that sees what it publishes
     * has that status already. Any thread.
     */
    public void afterStatus(Runnable publish) {
        announcer.afterPublished(publish);
    }

    /** Brain thread: the node is leaving gracefully; peers take over its neurons now. */
    public void leaving(StatusView next) {
        state = NodeState.LEAVING;
        publish(next, true);
    }

    /**
     * Announcer thread: the status to publish. While the brain is stuck that is {@code offline} ({@code brain
     * stalled}), so that peers take over its neurons at once rather than after its silence allowance; none while a
     * reconnect of an online node waits for the input connections ({@link InputConnectionsHold}).
     */
    private NodeStatus beat() {
        if (watchdog.stalled()) {
            return NodeStatus.offline(config.node(), NodeStatus.BRAIN_STALLED, Instant.now());
        }
        // A node that is leaving says so at once: its peers take over its neurons only once they read it.
        if (state == NodeState.ONLINE && hold.holds()) {
            return null;
        }
        StatusView v = view;
        RuntimeStats stats = counters.snapshot();
        Heartbeat.Load load = heartbeat.load(queueDepth.getAsInt());
        Duration beat = interval.announce();
        NodeStatus.Running running = new NodeStatus.Running(instance, v.rev(), v.hash(), started,
                load.inputsPerSecond(), load.queue(), load.heapUsedMb(), load.heapMaxMb(), stats.malformed(),
                stats.dropped(), v.topologyProblem(), Optional.of(beat),
                NodeStatusPresence.heartbeatsFor(v.neurons().size()), Optional.of(watching.allowance(beat)));
        return NodeStatus.live(state, config.node(), v.neurons(), Instant.now(), running);
    }

    /** Watcher thread: what the fleet's statuses say. */
    private void onPresence(PresenceEvent<NodeStatus> event) {
        switch (event) {
            case PresenceEvent.Heard<NodeStatus> h when h.peer().equals(config.node()) -> checkForTwin(h.status());
            case PresenceEvent.Heard<NodeStatus> h -> {
                witness.heard(h.peer(), h.status(), state == NodeState.ONLINE);
                synchronized (heard) {
                    heard.notifyAll();
                }
                // A peer may now report a neuron this node is handing over to it.
                brain.postOnce(peersQueued, new BrainEvent.PeersReported());
            }
            case PresenceEvent.Joined<NodeStatus> j -> membershipChanged();
            case PresenceEvent.Left<NodeStatus> l -> {
                if (l.reason() == GoneReason.SILENT) {
                    Logger.info("node {}: {} went silent (no status within its silence allowance): counted offline",
                            config.node(), l.peer());
                }
                membershipChanged();
            }
            // A forgotten peer was reported as left first, or was not online: the set of online nodes is unchanged.
            case PresenceEvent.Forgotten<NodeStatus> f -> witness.forget(f.peer());
            // The whole process stalled (or could not hear): the brain gets the same benefit of the doubt.
            case PresenceEvent.Forgiven<NodeStatus> f -> brain.forgive(System.nanoTime() - periodNanos);
        }
    }

    private void membershipChanged() {
        if (fleetKnown) {
            postMembership();
        }
    }

    /** The nodes online now, this one included. */
    private void postMembership() {
        SortedSet<String> online = new TreeSet<>(watcher.online().keySet());
        online.add(config.node());
        brain.postLatest(membership, new BrainEvent.MembershipChanged(online));
    }

    /**
     * Another live process with this node id: the newer one keeps the node id (as a broker's session takeover would
     * decide), the older one stops without publishing anything, so the two do not take turns kicking each other off.
     */
    private void checkForTwin(NodeStatus status) {
        if (status.state() != NodeState.ONLINE || status.running().isEmpty()) {
            return;
        }
        NodeStatus.Running other = status.running().get();
        boolean newer = other.since().isAfter(started)
                || (other.since().equals(started) && other.instance().compareTo(instance) > 0);
        if (!other.instance().isEmpty() && !other.instance().equals(instance) && newer) {
            twinFound.accept("node " + config.node() + " stopped: another process connected with the same node id"
                    + " (instance " + other.instance() + ", started " + other.since() + ")");
        }
    }

    /** Millisecond precision, as the status carries it: a twin compares its own start with the one it reads. */
    private static Instant nowMillis() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }

    /**
     * Stops announcing and watching (idempotent). While the link is connected this says goodbye ({@code offline},
     * reason {@code shutdown}); close the link first to leave without a word (the retained status stays as it is).
     */
    public void close() {
        watchdog.close();
        announcer.close();
        watcher.close();
    }
}
