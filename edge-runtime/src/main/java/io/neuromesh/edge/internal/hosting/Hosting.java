package io.neuromesh.edge.internal.hosting;

import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.edge.internal.placement.Placement;
import io.neuromesh.edge.internal.placement.UnplacedLog;
import io.neuromesh.edge.internal.port.ControlOutbox;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.PinControl;
import io.neuromesh.edge.internal.port.Scheduler;
import io.neuromesh.edge.internal.signal.HostedNeuron;
import io.neuromesh.edge.internal.signal.HostedNeurons;
import io.neuromesh.edge.internal.signal.NeuronInbox;
import io.neuromesh.edge.internal.signal.NeuronInboxes;
import io.neuromesh.edge.internal.signal.Signal;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.edge.internal.truth.Document;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyIndex;
import io.neuromesh.topology.TopologyVersion;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * Which neurons run here: runs the topology {@link TopologyIntake} chose (GPIO reconcile) and the set of online nodes
 * ({@link Placement}). When that set changes neurons move: one that starts here restores its state first
 * ({@link Restore}); one that moves to another online node stays until that node reports hosting it (or the handover
 * time passes), so no input falls in between. Brain thread only.
 */
public final class Hosting {

    /** Settings of the node that affect hosting. */
    public record Settings(String node, int eventCapacity, Duration handover) {
    }

    /** What hosting reaches the neurons' traffic and time through. */
    public record Ports(EpochClock clock, NeuronOutbox outbox, Scheduler scheduler) {
    }

    private final Settings settings;
    private final EpochClock clock;
    private final Scheduler scheduler;
    private final NeuronOutbox outbox;
    private final Counters counters;
    private final PinControl pins;
    private final NeuronInboxes inboxes;
    private final HostedNeurons hosted;
    private final Signal signal;
    private final Restore restore;
    private final RestingOutputs resting;
    private final Runnable hostingChanged;
    private final Predicate<String> hostedElsewhere;
    /** Hosted neurons that placement gave to another online node, with their deadline (epoch micros). */
    private final Map<String, Long> handingOver = new HashMap<>();
    private final UnplacedLog unplaced;
    private final Set<String> followedOutputs = new HashSet<>();
    /** The online nodes; null until this node has listened to the fleet long enough to place neurons. */
    private SortedSet<String> online;
    private boolean frozen;
    private TopologyIndex index;
    /** The running topology's version, null before the first: its hash may still be computing. */
    private TopologyVersion version;
    private Optional<String> problem = Optional.empty();

    /**
     * @param hostingChanged called after the hosted set changed (the status must be republished)
     * @param hostedElsewhere whether another online node reports hosting a neuron (thread-safe)
     */
    public Hosting(Settings settings, Ports ports, Counters counters, PinControl pins, NeuronInboxes inboxes,
                   HostedNeurons hosted, Signal signal, Runnable hostingChanged, Predicate<String> hostedElsewhere) {
        this.settings = settings;
        this.unplaced = new UnplacedLog(settings.node());
        this.clock = ports.clock();
        this.scheduler = ports.scheduler();
        this.outbox = ports.outbox();
        this.counters = counters;
        this.pins = pins;
        this.inboxes = inboxes;
        this.hosted = hosted;
        this.signal = signal;
        this.resting = new RestingOutputs(outbox, hosted, ports.scheduler(), clock);
        this.restore = new Restore(outbox, hosted, signal, resting);
        this.hostingChanged = hostingChanged;
        this.hostedElsewhere = hostedElsewhere;
    }

    public long rev() {
        return index == null ? 0 : index.topology().rev();
    }

    /** The content hash of the running topology, "" before the first; waits while it is being computed. */
    private String hash() {
        return version == null ? "" : version.hash();
    }

    /** The index of the topology running here (built once per topology); empty before the first one. */
    public Optional<TopologyIndex> index() {
        return Optional.ofNullable(index);
    }

    /** The status as of now. */
    public ControlOutbox.StatusView view() {
        return new ControlOutbox.StatusView(List.copyOf(hosted.ids()), rev(), hash(), problem);
    }

    /** Sets why this node does not run the topology the broker retains (empty: it does); true when that changed. */
    public boolean problem(Optional<String> next) {
        boolean changed = !next.equals(problem);
        problem = next;
        return changed;
    }

    /** The online nodes, this one included; empty until the node has heard from its fleet. */
    public SortedSet<String> online() {
        return online == null ? Collections.emptySortedSet() : online;
    }

    /** True once neurons are placed (the node has heard from the fleet). */
    public boolean isPlacing() {
        return online != null;
    }

    /** Stops following membership changes: a leaving node keeps its neurons until others have taken them over. */
    public void freeze() {
        frozen = true;
    }

    /**
     * Runs {@code document} in place of the running topology; the caller decided that it should ({@code
     * TopologyChoice}).
     *
     * @return why not, when GPIO refused it (the running topology stays); empty when it runs now
     */
    public List<String> install(Document document) {
        Topology next = document.topology();
        PinControl.Reconciled reconciled = pins.reconcile(next);
        if (reconciled.refused()) {
            return reconciled.errors();
        }
        TopologyIndex before = index;
        index = document.index();
        inboxes.running(index::isNeuron);
        version = document.version();
        signal.follow(index);
        counters.topologyApplied.increment();
        resting.hold();
        if (online != null) {
            place(before);
        }
        follow(reconciled.followed());
        reconciled.opened().forEach(signal::sensorChanged);
        Logger.info("node {}: topology rev {} applied, hosting {} neuron(s)", settings.node(), next.rev(),
                hosted.size());
        return List.of();
    }

    /** Every online node runs the topology running here: the neurons' resting outputs go out now. */
    public void fleetRuns() {
        resting.release();
    }

    /** What this node did with a topology message, as of now. */
    public ApplyResult result(long rev, String document, TopologyOutcome kind, List<String> errors) {
        return new ApplyResult(rev, document, kind, hash(), rev(), List.copyOf(hosted.ids()), errors);
    }

    /** The set of online nodes changed (or is known for the first time): neurons move where placement puts them. */
    public void membershipChanged(SortedSet<String> nodes) {
        if (nodes.equals(online)) {
            return;
        }
        online = nodes;
        Logger.info("node {}: online nodes {}", settings.node(), nodes);
        if (index != null && !frozen) {
            place(null);
        }
    }

    /**
     * Makes the hosted neurons match the placement of the current topology over the online nodes.
     *
     * @param before the topology this one replaces, when placing a revision just installed: a neuron new in the
     *               revision has no state to restore; null otherwise (every neuron adopted then may have state in the
     *               fleet: it is in the running topology, or this is the node's first one)
     */
    private void place(TopologyIndex before) {
        long now = clock.micros();
        Map<String, NeuronSpec> wanted = new LinkedHashMap<>();
        // Runtimes sharing a JVM share placements: this one may wait for another's, which is progress, not a hang.
        Placement placement = scheduler.awaitElsewhere(() -> Placement.assign(index.topology(), online));
        unplaced.report(placement.unplaced());
        for (String id : placement.neuronsOn(settings.node())) {
            index.neuron(id).ifPresent(spec -> wanted.put(id, spec));
        }
        List<String> removed = new ArrayList<>();
        for (String id : hosted.ids()) {
            if (wanted.containsKey(id)) {
                handingOver.remove(id);
            } else if (index.isNeuron(id) && !frozen) {
                // Moving to a node that is online: keep it until that node has it, so no input falls in between.
                handingOver.putIfAbsent(id, now + settings.handover().toNanos() / 1000);
            } else {
                removed.add(id);
            }
        }
        release(removed);
        List<HostedNeuron> adopted = new ArrayList<>();
        Map<HostedNeuron, Neuron.Outcome> changed = new LinkedHashMap<>();
        Arriving arriving = arrive(wanted.keySet(), before);
        try {
            for (NeuronSpec spec : wanted.values()) {
                Map<String, Double> weights = index.weights(spec.id());
                List<String> downstream = downstream(index.outgoing(spec.id()));
                HostedNeuron h = hosted.get(spec.id());
                if (h == null) {
                    Neuron neuron = new Neuron(spec.id(), spec.mode(), spec.threshold(), spec.inputWindow(),
                            spec.refractory(), weights, settings.eventCapacity());
                    h = new HostedNeuron(neuron, spec, downstream, arriving.inboxes().get(spec.id()));
                    hosted.add(h);
                    adopted.add(h);
                } else if (h.respec(spec, weights, downstream)) {
                    // Only a neuron whose own settings changed is reconfigured (and logs it), not every neuron of a
                    // node that placement passes over when a peer joins or leaves.
                    Neuron.Outcome outcome = h.neuron().reconfigure(spec.mode(), spec.threshold(), spec.inputWindow(),
                            spec.refractory(), weights, now);
                    if (outcome != Neuron.Outcome.NONE) {
                        changed.put(h, outcome);
                    }
                }
            }
        } finally {
            // Awaited even if building failed, so that no later change of subscriptions runs beside this one.
            arriving.subscribed().await();
        }
        if (!adopted.isEmpty()) {
            List<HostedNeuron> fresh = new ArrayList<>();
            List<HostedNeuron> existing = new ArrayList<>();
            for (HostedNeuron h : adopted) {
                (isNew(h.id(), before) ? fresh : existing).add(h);
            }
            if (!existing.isEmpty()) {
                restore.restore(existing, arriving.reading(), index, now);
            }
            restore.start(fresh, now);
        }
        changed.forEach((h, outcome) -> signal.emit(h, outcome, now));
        if (!removed.isEmpty() || !adopted.isEmpty()) {
            Logger.info("node {}: hosting {} neuron(s) (+{} -{}{})", settings.node(), hosted.size(), adopted.size(),
                    removed.size(), handingOver.isEmpty() ? "" : ", handing over " + handingOver.keySet());
            hostingChanged.run();
        }
    }

    /**
     * Paused inboxes of the neurons that start here, by id, their subscriptions under way, and the read of the
     * retained state of those not new in the revision (null when there are none).
     */
    private record Arriving(Map<String, NeuronInbox> inboxes, NeuronOutbox.Pending subscribed,
                            Restore.Reading reading) {
    }

    /**
     * Opens a paused inbox for each of {@code wanted} not hosted yet and starts subscribing to their inputs, then
     * reading their retained state, so that the broker takes the subscriptions and sends the state while the brain
     * builds the neurons; an input that arrives meanwhile waits in its inbox.
     *
     * @param before see {@link #place}
     */
    private Arriving arrive(Set<String> wanted, TopologyIndex before) {
        Map<String, NeuronInbox> opened = new HashMap<>();
        for (String id : wanted) {
            if (hosted.get(id) == null) {
                opened.put(id, inboxes.open(id));
            }
        }
        if (opened.isEmpty()) {
            return new Arriving(opened, () -> {
            }, null);
        }
        Set<String> after = new HashSet<>(hosted.ids());
        after.addAll(opened.keySet());
        NeuronOutbox.Pending subscribed = outbox.inputs(after, index.topology().neurons().size());
        List<String> existing = opened.keySet().stream().filter(id -> !isNew(id, before)).toList();
        return new Arriving(opened, subscribed,
                existing.isEmpty() ? null : restore.read(existing, index, after, subscribed));
    }

    /** Whether {@code neuron} is new in the revision that replaces {@code before}: it has no state to restore. */
    private static boolean isNew(String neuron, TopologyIndex before) {
        return before != null && !before.isNeuron(neuron);
    }

    /** Peers reported: releases every handed-over neuron that its new host now reports (or that waited too long). */
    public void peersChanged() {
        if (handingOver.isEmpty()) {
            return;
        }
        long now = clock.micros();
        List<String> done = new ArrayList<>();
        handingOver.forEach((id, deadline) -> {
            if (hostedElsewhere.test(id) || now >= deadline) {
                done.add(id);
            }
        });
        if (!done.isEmpty()) {
            done.forEach(handingOver::remove);
            release(done);
            Logger.info("node {}: handed over {}, hosting {} neuron(s)", settings.node(), done, hosted.size());
            hostingChanged.run();
        }
    }

    /** Stops every hosted neuron (the node is leaving): unsubscribes and drops their inboxes. */
    public void releaseAll() {
        handingOver.clear();
        release(List.copyOf(hosted.ids()));
    }

    private void release(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        ids.forEach(id -> {
            inboxes.close(id);
            hosted.remove(id);
        });
        outbox.inputs(hosted.ids(), index.topology().neurons().size()).await();
    }

    private static List<String> downstream(List<SynapseSpec> outgoing) {
        String[] targets = new String[outgoing.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = outgoing.get(i).to();
        }
        return List.of(targets);
    }

    /** Follows the outputs of the neurons that drive this node's actuators. */
    private void follow(Set<String> wanted) {
        List<String> stop = followedOutputs.stream().filter(n -> !wanted.contains(n)).toList();
        List<String> start = wanted.stream().filter(n -> !followedOutputs.contains(n)).toList();
        if (!stop.isEmpty()) {
            outbox.unsubscribeOutputs(stop);
            stop.forEach(followedOutputs::remove);
        }
        if (!start.isEmpty()) {
            outbox.subscribeOutputs(start);
            followedOutputs.addAll(start);
        }
    }
}
