package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.RuntimeStats;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.gpio.GpioBinding;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.LinkListener;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.SessionMode;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.mqtt.Will;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;
import org.tinylog.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wires a {@link Brain} to an {@link MqttLink}: the brain thread owns all neuron state; the link's callbacks only
 * enqueue onto it (inputs into their neuron's bounded inbox). It also keeps the node's presence: a retained status
 * on connect, a heartbeat with its load, a Last Will, a view of which peers are online, and a graceful handover of
 * its movable neurons when closed.
 */
public final class EdgeRuntimeImpl implements EdgeRuntime {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /**
     * A brain thread busy longer than this counts as hung and the heartbeat stops, so peers take over its neurons.
     * Restoring many neurons legitimately keeps it busy for a fraction of this.
     */
    private static final Duration BRAIN_HANG = Duration.ofSeconds(2);
    private static final Duration STALL_REPORT = Duration.ofSeconds(5);
    /**
     * How long a starting node listens before it places neurons: the retained statuses of the nodes already online
     * arrive right after it subscribes; nodes starting at the same moment are found a heartbeat later.
     */
    private static final long LISTEN_BEFORE_PLACING = Duration.ofMillis(300).toNanos();

    private final EdgeConfig config;
    private final Counters counters = new Counters();
    private final ScheduledThreadPoolExecutor brainThread;
    /** Listens to the fleet's statuses, so that a busy brain thread never makes peers look silent. */
    private final ScheduledThreadPoolExecutor presenceThread;
    private final NeuronInboxes inboxes;
    private final MqttLink link;
    private final RetainedReader reader;
    private final Brain brain;
    private final GpioBinding gpio;
    private final Membership membership;
    private final Heartbeat heartbeat;
    private final CompletableFuture<Void> online = new CompletableFuture<>();
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    /** When start() was called: of two processes with one node id, the later one keeps it. */
    private volatile long startedMillis = System.currentTimeMillis();
    /** Tells this process apart from another one started with the same node id. */
    private final String instance = java.util.UUID.randomUUID().toString();
    private volatile boolean started;
    private volatile boolean closed;
    private volatile String state = "online";
    private volatile long connectedNanos;
    /** Last time the brain thread ran a task; a heartbeat is only sent for a brain that works. */
    private volatile long brainAliveNanos = System.nanoTime();
    /** The status as the brain last built it, resent by heartbeats from the presence thread. */
    private volatile StatusView statusView = new StatusView(List.of(), 0, "");
    private long lastBeatNanos;
    private boolean stallReported;
    private long lastTickNanos = System.nanoTime();
    private boolean fleetKnown;
    /** An applied topology whose result waits until neurons are placed (brain thread). */
    private ApplyResult deferredResult;

    public EdgeRuntimeImpl(EdgeConfig config) {
        this.config = config;
        this.brainThread = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("neuromesh-" + config.node() + "-brain-", 1).factory());
        this.brainThread.setRemoveOnCancelPolicy(true);
        this.presenceThread = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("neuromesh-" + config.node() + "-presence-", 1).factory());
        this.link = MqttLink.builder()
                .broker(config.broker())
                .clientId("neuromesh-node-" + config.node())
                .session(SessionMode.FRESH_THEN_PERSISTENT, config.sessionExpiry())
                .keepAlive(config.keepAlive())
                .will(new Will(Topics.nodeStatus(config.node()), Payloads.offline(config.node(), "connection lost"),
                        Qos.AT_LEAST_ONCE, true))
                .build();
        this.reader = new RetainedReader(config.broker(), "neuromesh-node-" + config.node() + "-reader");
        this.membership = new Membership(config.node(), config.offlineAfter().toNanos(), System::nanoTime);
        this.heartbeat = new Heartbeat(counters);
        this.gpio = new GpioBinding(config.node(), config.gpio(), brainThread, this::onSensor, this::publishPin);
        this.inboxes = new NeuronInboxes(config.inboxCapacity(), brainThread, this::onPayload, counters.dropped,
                counters.unknownNeuron);
        MqttOutbox outbox = new MqttOutbox(link, config.node(), config.neuronQos(), brainThread, inboxes,
                this::onFollowedOutput, reader);
        this.brain = new Brain(config.node(), EpochClock.system(), outbox,
                (task, delayMicros) -> brainThread.schedule(task, Math.max(0, delayMicros), TimeUnit.MICROSECONDS),
                config.eventsPerNeuron(), counters, gpio, inboxes, this::publishStatus, membership::hostedElsewhere,
                config.handover());
    }

    @Override
    public EdgeConfig config() {
        return config;
    }

    @Override
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        startedMillis = System.currentTimeMillis();
        link.addListener(new LinkListener() {
            @Override
            public void connected(boolean reconnect) {
                if (!reconnect) {
                    connectedNanos = System.nanoTime();
                }
                brainThread.execute(EdgeRuntimeImpl.this::announceOnline);
            }

            @Override
            public void disconnected(String reason) {
                if (link.state() == LinkState.FAILED) {
                    failure.complete("node " + config.node() + " stopped: another process connected with the same node"
                            + " id and took over its session (" + reason + ")");
                }
            }
        });
        link.subscribe(List.of(Subscription.of(Topics.ALL_STATUSES)), presenceThread, this::onStatus);
        link.subscribe(List.of(Subscription.of(Topics.TOPOLOGY)), brainThread, this::onTopology);
        link.subscribe(List.of(Subscription.of(Topics.REQUEST_LOGS)), brainThread, this::onLogsRequest);
        link.subscribe(List.of(Subscription.of(Topics.REQUEST_INSPECT)), brainThread, this::onInspectRequest);
        link.subscribe(List.of(Subscription.of(Topics.REQUEST_CLEAR_LOGS)), brainThread, this::onClearRequest);
        link.subscribe(List.of(Subscription.of(Topics.gpioSetRequest(config.node()))), brainThread, this::onGpioSet);
        long tick = Math.max(10, config.heartbeat().toMillis() / 4);
        brainThread.scheduleAtFixedRate(() -> brainAliveNanos = System.nanoTime(), tick, tick, TimeUnit.MILLISECONDS);
        presenceThread.scheduleAtFixedRate(this::presenceTick, tick, tick, TimeUnit.MILLISECONDS);
        link.start();
        Logger.info("node {}: edge runtime started, broker {}", config.node(), config.broker());
    }

    @Override
    public void awaitOnline(Duration timeout) {
        try {
            online.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MqttLinkException("node " + config.node() + " not online within " + timeout.toMillis()
                    + " ms; is the broker at " + config.broker() + " running?");
        } catch (ExecutionException e) {
            throw new MqttLinkException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttLinkException("interrupted");
        }
    }

    // ---- presence (brain thread) --------------------------------------------------------------------------------

    private void announceOnline() {
        publishStatus();
        online.complete(null);
    }

    /** What the brain contributes to the status: hosted neurons and the topology running. */
    private record StatusView(List<String> neurons, long rev, String hash) {
    }

    /** Brain thread: the status changed (hosting, topology, state); publish it at once, at QoS 1. */
    private void publishStatus() {
        statusView = new StatusView(List.copyOf(brain.hostedIds()), brain.rev(), brain.hash());
        sendStatus(Qos.AT_LEAST_ONCE);
    }

    /** The retained status; heartbeats go at QoS 0 (the next one supersedes a lost one), changes at QoS 1. */
    private void sendStatus(Qos qos) {
        StatusView view = statusView;
        link.publish(Topics.nodeStatus(config.node()), Payloads.status(state, config.node(), instance, view.neurons(),
                view.rev(), view.hash(), startedMillis, counters.snapshot(), heartbeat.load(inboxes.depth())),
                qos, true);
    }

    /**
     * Presence thread: the heartbeat, sent only while the brain thread is working, so that a node whose brain hangs
     * is seen as offline by its peers and its neurons move. A hang is reported once, with where the brain is stuck.
     */
    private void beat(long now) {
        long silent = now - brainAliveNanos;
        if (silent > BRAIN_HANG.toNanos()) {
            if (silent > STALL_REPORT.toNanos() && !stallReported) {
                stallReported = true;
                Logger.warn("node {}: brain thread stuck for {} ms:{}", config.node(), silent / 1_000_000, brainStack());
            }
            return;
        }
        stallReported = false;
        if (link.state() == LinkState.CONNECTED && now - lastBeatNanos >= config.heartbeat().toNanos()) {
            lastBeatNanos = now;
            sendStatus(Qos.AT_MOST_ONCE);
        }
    }

    private String brainStack() {
        StringBuilder trace = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            if (thread.getName().startsWith("neuromesh-" + config.node() + "-brain")) {
                for (StackTraceElement frame : frames) {
                    trace.append(System.lineSeparator()).append("    at ").append(frame);
                }
            }
        });
        return trace.toString();
    }

    // ---- membership (presence thread) ---------------------------------------------------------------------------

    private void onStatus(InboundMessage message) {
        String node = Topics.nodeOf(message.topic());
        if (node == null || message.payload().length == 0) {
            return;
        }
        Payloads.Status status = Payloads.readStatus(message.payload());
        if (node.equals(config.node())) {
            checkForTwin(status);
            return;
        }
        long age = message.retained() ? Math.max(0, System.currentTimeMillis() - status.tsMillis()) : 0;
        if (membership.onStatus(node, status.state(), age, status.neurons()) && fleetKnown) {
            postMembership();
        }
        // A peer may now report a neuron this node is handing over to it.
        brainThread.execute(brain::peersChanged);
    }

    /**
     * Another live process with this node id: the newer one keeps the node id (as a broker's session takeover would
     * decide), the older one stops without publishing anything, so the two do not take turns kicking each other off.
     */
    private void checkForTwin(Payloads.Status status) {
        boolean other = !status.instance().isEmpty() && !status.instance().equals(instance);
        boolean newer = status.sinceMillis() > startedMillis
                || (status.sinceMillis() == startedMillis && status.instance().compareTo(instance) > 0);
        if (other && newer && "online".equals(status.state()) && !failure.isDone()) {
            failure.complete("node " + config.node() + " stopped: another process connected with the same node id"
                    + " (instance " + status.instance() + ", started " + java.time.Instant.ofEpochMilli(status.sinceMillis())
                    + ")");
            Logger.error("node {}: another process with the same node id is running; this one stops", config.node());
            Thread stopper = new Thread(this::stopSilently, "neuromesh-" + config.node() + "-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    /** Stops without touching the node's retained status (it belongs to the other process now). */
    private void stopSilently() {
        halt(true);
    }

    /**
     * Stops at once without a status or handover: a clean disconnect ({@code clean}, no Last Will) or a dropped
     * connection (the broker publishes the Last Will). The pins are released; their retained states stay, as after a
     * real power loss.
     */
    private synchronized void halt(boolean clean) {
        if (closed) {
            return;
        }
        closed = true;
        if (clean) {
            link.close();
        } else {
            link.abort();
        }
        reader.close();
        presenceThread.shutdownNow();
        brainThread.shutdownNow();
        try {
            brainThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gpio.close();
    }

    /**
     * Expires silent peers, but only for time this node could listen: a tick that comes late (the process stalled)
     * or a tick while disconnected forgives that time. Neurons are first placed once the node has listened a moment,
     * so a starting node does not grab every neuron before it has heard of its peers.
     */
    private void presenceTick() {
        long now = System.nanoTime();
        long gap = now - lastTickNanos;
        lastTickNanos = now;
        long period = Math.max(10, config.heartbeat().toMillis() / 4) * 1_000_000;
        boolean connected = link.state() == LinkState.CONNECTED;
        long deaf = connected ? Math.max(0, gap - 2 * period) : gap;
        if (deaf > 0) {
            // The whole process stalled (or could not hear): the brain gets the same benefit of the doubt.
            brainAliveNanos = Math.max(brainAliveNanos, now - period);
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
        SortedSet<String> online = membership.online();
        brainThread.execute(() -> {
            brain.membershipChanged(online);
            if (deferredResult != null) {
                publishResult(brain.current(deferredResult));
                deferredResult = null;
            }
        });
    }

    // ---- handlers (brain thread) --------------------------------------------------------------------------------

    private void onPayload(String neuron, byte[] payload) {
        brain.onPayload(neuron, payload);
    }

    private void onFollowedOutput(InboundMessage message) {
        brain.onFollowedOutput(Topics.neuronOf(message.topic()), message.payload());
    }

    private void onSensor(SensorSpec sensor, double value) {
        brain.sensorChanged(sensor, value);
    }

    private void publishPin(int pin, String json) {
        byte[] payload = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        link.publish(Topics.nodeGpio(config.node(), pin), payload, Qos.AT_LEAST_ONCE, true);
    }

    private void onGpioSet(InboundMessage request) {
        String pin = Payloads.field(request.payload(), "pin");
        String level = Payloads.field(request.payload(), "level");
        Optional<String> refusal;
        if (pin == null || !pin.matches("\\d{1,2}") || !("high".equals(level) || "low".equals(level))) {
            refusal = Optional.of("expected {\"pin\":<0-27>,\"level\":\"high\"|\"low\"}");
        } else {
            refusal = gpio.simulate(Integer.parseInt(pin), "high".equals(level));
        }
        if (request.responseTopic() != null) {
            reply(request, Payloads.gpioSetReply(refusal));
        }
    }

    private void onTopology(InboundMessage message) {
        byte[] payload = message.payload();
        ApplyResult result;
        if (payload.length == 0) {
            result = brain.reject(0, List.of("$: empty payload (the retained topology was cleared); "
                    + "the running topology stays"));
        } else {
            try {
                result = brain.apply(Topology.parse(payload));
            } catch (TopologyException e) {
                result = brain.reject(Payloads.revOf(payload), e.errors());
            }
        }
        if (result.result() == ApplyResult.Kind.UNCHANGED) {
            return;
        }
        if (result.result() == ApplyResult.Kind.APPLIED && !brain.isPlacing()) {
            // "applied" means running: report it once this node knows the fleet and has placed its neurons.
            deferredResult = result;
            return;
        }
        publishResult(result);
    }

    private void publishResult(ApplyResult result) {
        link.publish(Topics.nodeTopology(config.node()), Payloads.topologyResult(result), Qos.AT_LEAST_ONCE, true);
        if (result.result() == ApplyResult.Kind.APPLIED) {
            publishStatus();
        }
    }

    private void onLogsRequest(InboundMessage request) {
        if (request.responseTopic() == null) {
            return;
        }
        String since = Payloads.field(request.payload(), "sinceMs");
        long sinceMicros = 0;
        if (since != null) {
            try {
                sinceMicros = Long.parseLong(since) * 1000;
            } catch (NumberFormatException ignored) {
                sinceMicros = 0;
            }
        }
        reply(request, Payloads.events(config.node(), brain.events(sinceMicros)));
    }

    private void onInspectRequest(InboundMessage request) {
        String neuron = Payloads.field(request.payload(), "neuron");
        if (neuron == null || request.responseTopic() == null) {
            return;
        }
        brain.inspect(neuron).ifPresent(snapshot ->
                reply(request, Payloads.inspection(config.node(), snapshot, brain.downstream(neuron))));
    }

    private void onClearRequest(InboundMessage request) {
        brain.clearEvents();
        if (request.responseTopic() != null) {
            reply(request, Payloads.cleared(config.node()));
        }
    }

    private void reply(InboundMessage request, byte[] payload) {
        link.publish(OutboundMessage.of(request.responseTopic(), payload, Qos.AT_LEAST_ONCE, false)
                .withResponse(null, request.correlationData()));
    }

    // ---- queries and lifecycle ----------------------------------------------------------------------------------

    @Override
    public java.util.concurrent.CompletionStage<String> failure() {
        return failure;
    }

    @Override
    public Set<String> hostedNeurons() {
        return onBrain(brain::hostedIds);
    }

    @Override
    public long rev() {
        return onBrain(brain::rev);
    }

    @Override
    public RuntimeStats stats() {
        return counters.snapshot();
    }

    private <T> T onBrain(Callable<T> query) {
        try {
            return brainThread.submit(query).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("brain thread of node " + config.node() + " did not answer: " + e);
        }
    }

    /**
     * Graceful stop: announce "leaving" so that peers take over this node's movable neurons (restoring them from the
     * retained outputs this node keeps current meanwhile), wait until they report hosting them or the handover time
     * passes, then release everything, publish "offline" and disconnect.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started && link.state() == LinkState.CONNECTED) {
            handOver();
        }
        if (started) {
            try {
                onBrain(() -> {
                    brain.releaseAll();
                    gpio.close();
                    return null;
                });
            } catch (IllegalStateException e) {
                Logger.warn("node {}: {}", config.node(), e.getMessage());
            }
        }
        if (started && link.state() == LinkState.CONNECTED) {
            link.publish(Topics.nodeStatus(config.node()), Payloads.offline(config.node(), "shutdown"),
                    Qos.AT_LEAST_ONCE, true);
        }
        link.close();
        reader.close();
        presenceThread.shutdownNow();
        brainThread.shutdownNow();
        Logger.info("node {}: edge runtime stopped", config.node());
    }

    private void handOver() {
        List<String> movable = onBrain(() -> {
            brain.freeze();
            state = "leaving";
            publishStatus();
            return brain.movableIds();
        });
        if (movable.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + config.handover().toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = onBrain(() -> movable.stream().allMatch(membership::hostedElsewhere));
            if (done) {
                Logger.info("node {}: {} neuron(s) handed over", config.node(), movable.size());
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Logger.warn("node {}: handover of {} neuron(s) not confirmed within {} ms; leaving anyway", config.node(),
                movable.size(), config.handover().toMillis());
    }

    @Override
    public void abort() {
        halt(false);
    }
}
