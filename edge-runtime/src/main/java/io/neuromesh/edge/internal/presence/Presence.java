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
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import org.tinylog.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The node's presence, on its own thread so that a busy brain never makes peers look silent: the retained status
 * (with the Last Will set on the link), the heartbeat with the node's load, the view of which peers are online
 * ({@link Membership}, posted to the brain as {@link BrainEvent.MembershipChanged}), the brain-stall watchdog, and the
 * detection of a second process running with this node id.
 */
public final class Presence {

    /** A brain thread busy longer than this counts as hung: the heartbeat stops, so peers take over its neurons. */
    private static final Duration BRAIN_HANG = Duration.ofSeconds(2);
    private static final Duration STALL_REPORT = Duration.ofSeconds(5);
    /**
     * How long a starting node listens before it places neurons: the retained statuses of the nodes already online
     * arrive right after it subscribes; nodes starting at the same moment are found a heartbeat later.
     */
    private static final long LISTEN_BEFORE_PLACING = Duration.ofMillis(300).toNanos();

    private final EdgeConfig config;
    private final MqttLink link;
    private final BrainLoop brain;
    private final Counters counters;
    private final IntSupplier queueDepth;
    private final Consumer<String> twinFound;
    private final Membership membership;
    private final Heartbeat heartbeat;
    private final ScheduledExecutorService thread;
    private final long periodNanos;
    /** Notified whenever a peer's status is heard (a handover waits on it). */
    private final Object heard = new Object();
    /** Tells this process apart from another one started with the same node id. */
    private final String instance = UUID.randomUUID().toString();
    /** When the node started: of two processes with one node id, the later one keeps it. */
    private volatile Instant started = nowMillis();
    private volatile long connectedNanos;
    private volatile NodeState state = NodeState.ONLINE;
    /** The status as the brain last built it, resent by heartbeats from the presence thread. */
    private volatile StatusView view = new StatusView(List.of(), 0, "");
    private long lastBeatNanos;
    private long lastTickNanos = System.nanoTime();
    private boolean stallReported;
    private boolean fleetKnown;

    /** @param twinFound called once with the reason when a newer process took this node id */
    public Presence(EdgeConfig config, MqttLink link, BrainLoop brain, Counters counters, IntSupplier queueDepth,
                    Consumer<String> twinFound) {
        this.config = config;
        this.link = link;
        this.brain = brain;
        this.counters = counters;
        this.queueDepth = queueDepth;
        this.twinFound = twinFound;
        this.membership = new Membership(config.node(), config.offlineAfter().toNanos(), System::nanoTime);
        this.heartbeat = new Heartbeat(counters);
        this.thread = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("neuromesh-" + config.node() + "-presence").factory());
        this.periodNanos = Math.max(10, config.heartbeat().toMillis() / 4) * 1_000_000;
    }

    /** The tick of both the presence thread and the brain's liveness beat. */
    public Duration period() {
        return Duration.ofNanos(periodNanos);
    }

    /** Subscribes to the fleet's statuses and starts ticking; call before the link starts. */
    public void start() {
        started = nowMillis();
        link.subscribe(List.of(Subscription.of(Topics.ALL_STATUSES)), thread, this::onStatus);
        thread.scheduleAtFixedRate(this::tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** The link connected for the first time: the listening time before placing starts now. */
    public void connected() {
        connectedNanos = System.nanoTime();
    }

    /** True when some online node other than this one reports hosting {@code neuron}. Thread-safe. */
    public boolean hostedElsewhere(String neuron) {
        return membership.hostedElsewhere(neuron);
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
            while (!neurons.stream().allMatch(membership::hostedElsewhere)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(heard, left);
            }
            return true;
        }
    }

    /** Brain thread: the status changed; publish it at once, at QoS 1. */
    public void status(StatusView next) {
        view = next;
        send(Qos.AT_LEAST_ONCE);
    }

    /** Brain thread: the node is leaving gracefully; peers take over its neurons now. */
    public void leaving(StatusView next) {
        state = NodeState.LEAVING;
        status(next);
    }

    /** The retained status; heartbeats go at QoS 0 (the next one supersedes a lost one), changes at QoS 1. */
    private void send(Qos qos) {
        StatusView v = view;
        RuntimeStats stats = counters.snapshot();
        Heartbeat.Load load = heartbeat.load(queueDepth.getAsInt());
        NodeStatus.Running running = new NodeStatus.Running(instance, v.rev(), v.hash(), started,
                load.inputsPerSecond(), load.queue(), load.heapUsedMb(), load.heapMaxMb(), stats.malformed(),
                stats.dropped());
        link.publish(Topics.nodeStatus(config.node()), NodeStatusCodec.encode(NodeStatus.live(state, config.node(),
                v.neurons(), Instant.now(), running)), qos, true);
    }

    private void onStatus(InboundMessage message) {
        String node = Topics.nodeOf(message.topic());
        if (node == null || message.payload().length == 0) {
            return;
        }
        NodeStatus status;
        try {
            status = NodeStatusCodec.decode(message.payload());
        } catch (WireFormatException unreadable) {
            // As before the wire codecs: a status no one can read says nothing about the node being alive.
            Logger.debug("node {}: the status on {} counts as offline: {}", config.node(), message.topic(),
                    unreadable.getMessage());
            heard(node, NodeState.OFFLINE, 0, List.of());
            return;
        }
        if (node.equals(config.node())) {
            checkForTwin(status);
            return;
        }
        long age = message.retained()
                ? Math.max(0, System.currentTimeMillis() - status.timestamp().toEpochMilli()) : 0;
        heard(node, status.state(), age, status.neurons());
    }

    private void heard(String node, NodeState state, long ageMillis, List<String> neurons) {
        if (membership.onStatus(node, state, ageMillis, neurons) && fleetKnown) {
            postMembership();
        }
        synchronized (heard) {
            heard.notifyAll();
        }
        // A peer may now report a neuron this node is handing over to it.
        brain.post(new BrainEvent.PeersReported());
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

    /**
     * Expires silent peers, but only for time this node could listen: a tick that comes late (the process stalled)
     * or a tick while disconnected forgives that time. Neurons are first placed once the node has listened a moment,
     * so a starting node does not grab every neuron before it has heard of its peers.
     */
    private void tick() {
        long now = System.nanoTime();
        long gap = now - lastTickNanos;
        lastTickNanos = now;
        boolean connected = link.state() == LinkState.CONNECTED;
        long deaf = connected ? Math.max(0, gap - 2 * periodNanos) : gap;
        if (deaf > 0) {
            // The whole process stalled (or could not hear): the brain gets the same benefit of the doubt.
            brain.forgive(now - periodNanos);
        }
        boolean changed = deaf > 0 ? membership.forgive(deaf) : membership.refresh();
        if (!fleetKnown && connected && connectedNanos != 0 && now - connectedNanos >= LISTEN_BEFORE_PLACING) {
            fleetKnown = true;
            changed = true;
        }
        if (changed && fleetKnown) {
            postMembership();
        }
        beat(now);
    }

    private void postMembership() {
        brain.post(new BrainEvent.MembershipChanged(membership.online()));
    }

    /**
     * The heartbeat, sent only while the brain thread is working, so that a node whose brain hangs is seen as offline
     * by its peers and its neurons move. A hang is reported once, with where the brain is stuck.
     */
    private void beat(long now) {
        long silent = now - brain.aliveNanos();
        if (silent > BRAIN_HANG.toNanos()) {
            if (silent > STALL_REPORT.toNanos() && !stallReported) {
                stallReported = true;
                Logger.warn("node {}: brain thread stuck for {} ms:{}", config.node(), silent / 1_000_000, brain.stack());
            }
            return;
        }
        stallReported = false;
        if (link.state() == LinkState.CONNECTED && now - lastBeatNanos >= config.heartbeat().toNanos()) {
            lastBeatNanos = now;
            send(Qos.AT_MOST_ONCE);
        }
    }

    /** Millisecond precision, as the status carries it: a twin compares its own start with the one it reads. */
    private static Instant nowMillis() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }

    /** Stops the presence thread. */
    public void close() {
        thread.shutdownNow();
    }
}
