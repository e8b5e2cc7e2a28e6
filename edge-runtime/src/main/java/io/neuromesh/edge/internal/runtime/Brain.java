package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.codec.BadInputException;
import io.neuromesh.edge.internal.codec.Input;
import io.neuromesh.edge.internal.codec.InputDecoder;
import io.neuromesh.edge.internal.codec.OutputCodec;
import io.neuromesh.edge.internal.gpio.GpioBinding;
import io.neuromesh.edge.internal.neuron.EventLog;
import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.edge.internal.neuron.NeuronSnapshot;
import io.neuromesh.edge.internal.placement.Placement;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.topology.NeuronMode;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyIndex;
import org.tinylog.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The neurons of one runtime and the topology they follow. Every method runs on the runtime's brain thread: no locks,
 * no shared mutable state besides the inboxes. Which neurons run here follows from the topology and the set of online
 * nodes ({@link Placement}); when that set changes, neurons move, and a neuron that starts here restores its inputs
 * from the fleet's retained outputs before it processes anything. An input to a neuron hosted here is delivered
 * in-process (the local fast path) and still published for observers; the runtime's no-local subscriptions keep the
 * broker from echoing it back.
 */
final class Brain {

    /** One merged-log line: a neuron event with its host. */
    record LogLine(long epochMicros, String neuron, String kind, String text) {
    }

    private static final int LOGGED_MALFORMED = 10;

    private final String node;
    private final EpochClock clock;
    private final Outbox outbox;
    private final Scheduler scheduler;
    private final int eventCapacity;
    private final Counters counters;
    private final GpioBinding gpio;
    private final NeuronInboxes inboxes;
    private final Runnable hostingChanged;
    private final Map<String, HostedNeuron> hosted = new HashMap<>();
    /** Hosted neurons that placement gave to another online node: kept until that node reports hosting them. */
    private final Map<String, Long> handingOver = new HashMap<>();
    private final java.util.function.Predicate<String> hostedElsewhere;
    private final long handoverMicros;
    private final Set<String> followedOutputs = new HashSet<>();
    /** The online nodes; null until this node has listened to the fleet long enough to place neurons. */
    private SortedSet<String> online;
    private boolean frozen;
    private Topology topology;
    private TopologyIndex index;
    /**
     * Neurons that existed before the topology now being placed (null: this node's first topology since it started,
     * when every neuron may have state in the fleet). A neuron new in this revision has no state to restore.
     */
    private Set<String> knownBefore;
    private String hash = "";

    Brain(String node, EpochClock clock, Outbox outbox, Scheduler scheduler, int eventCapacity, Counters counters,
          GpioBinding gpio, NeuronInboxes inboxes, Runnable hostingChanged,
          java.util.function.Predicate<String> hostedElsewhere, java.time.Duration handover) {
        this.node = node;
        this.clock = clock;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.eventCapacity = eventCapacity;
        this.counters = counters;
        this.gpio = gpio;
        this.inboxes = inboxes;
        this.hostingChanged = hostingChanged;
        this.hostedElsewhere = hostedElsewhere;
        this.handoverMicros = handover.toNanos() / 1000;
    }

    long rev() {
        return topology == null ? 0 : topology.rev();
    }

    String hash() {
        return hash;
    }

    Set<String> hostedIds() {
        return new TreeSet<>(hosted.keySet());
    }

    /** Hosted neurons that placement could move to another node (they have no {@code node} of their own). */
    List<String> movableIds() {
        List<String> ids = new ArrayList<>();
        hosted.values().forEach(h -> {
            if (!h.spec.isPinned()) {
                ids.add(h.spec.id());
            }
        });
        return ids;
    }

    /** True once neurons are placed (the node has heard from the fleet). */
    boolean isPlacing() {
        return online != null;
    }

    /** A result as of now: the rev and hosted neurons after placement caught up with an earlier apply. */
    ApplyResult current(ApplyResult earlier) {
        return new ApplyResult(earlier.rev(), earlier.result(), hash, rev(), List.copyOf(hostedIds()), earlier.errors());
    }

    /** Stops following membership changes: a leaving node keeps its neurons until others have taken them over. */
    void freeze() {
        frozen = true;
    }

    // ---- topology and placement ---------------------------------------------------------------------------------

    /** Applies a validated topology if it is newer than the running one. */
    ApplyResult apply(Topology next) {
        String nextHash = next.contentHash();
        if (topology != null && next.rev() <= topology.rev()) {
            if (next.rev() == topology.rev() && nextHash.equals(hash)) {
                return result(next.rev(), ApplyResult.Kind.UNCHANGED, List.of());
            }
            return reject(next.rev(), List.of("rev: " + next.rev() + " is not newer than the running rev "
                    + topology.rev() + "; publish it with a higher rev"));
        }
        GpioBinding.Outcome pins = gpio.reconcile(next);
        if (pins.refused()) {
            return reject(next.rev(), pins.errors());
        }
        knownBefore = topology == null ? null : neuronIds(topology);
        topology = next;
        index = next.index();
        hash = nextHash;
        counters.topologyApplied.increment();
        if (online != null) {
            place();
        }
        followActuatorNeurons();
        for (SensorSpec sensor : pins.openedSensors()) {
            sensorChanged(sensor, GpioBinding.valueOf(sensor, gpio.isActive(sensor)));
        }
        Logger.info("node {}: topology rev {} applied, hosting {} neuron(s)", node, next.rev(), hosted.size());
        return result(next.rev(), ApplyResult.Kind.APPLIED, List.of());
    }

    /** A topology message that failed validation: reported, the running topology stays. */
    ApplyResult reject(long rev, List<String> errors) {
        counters.topologyRejected.increment();
        Logger.warn("node {}: topology rejected ({} error(s)), keeping rev {}: {}", node, errors.size(), rev(),
                errors.isEmpty() ? "" : errors.get(0));
        return result(rev, ApplyResult.Kind.REJECTED, errors);
    }

    private ApplyResult result(long rev, ApplyResult.Kind kind, List<String> errors) {
        return new ApplyResult(rev, kind, hash, rev(), List.copyOf(hostedIds()), errors);
    }

    /** The set of online nodes changed (or is known for the first time): neurons move where placement puts them. */
    void membershipChanged(SortedSet<String> nodes) {
        if (nodes.equals(online)) {
            return;
        }
        online = nodes;
        Logger.info("node {}: online nodes {}", node, nodes);
        if (topology != null && !frozen) {
            if (knownBefore != null) {
                knownBefore = neuronIds(topology);
            }
            place();
        }
    }

    /** Makes the hosted neurons match the placement of the current topology over the online nodes. */
    private void place() {
        long now = clock.micros();
        Map<String, NeuronSpec> wanted = new LinkedHashMap<>();
        for (String id : Placement.assign(topology, online).neuronsOn(node)) {
            index.neuron(id).ifPresent(spec -> wanted.put(id, spec));
        }
        List<String> removed = new ArrayList<>();
        for (String id : hosted.keySet()) {
            if (wanted.containsKey(id)) {
                handingOver.remove(id);
            } else if (index.isNeuron(id) && !frozen) {
                // Moving to a node that is online: keep it until that node has it, so no input falls in between.
                handingOver.putIfAbsent(id, now + handoverMicros);
            } else {
                removed.add(id);
            }
        }
        release(removed);
        List<HostedNeuron> adopted = new ArrayList<>();
        Map<HostedNeuron, Neuron.Outcome> changed = new LinkedHashMap<>();
        for (NeuronSpec spec : wanted.values()) {
            Map<String, Double> weights = weightsInto(spec.id());
            List<String> downstream = downstreamOf(spec.id());
            HostedNeuron h = hosted.get(spec.id());
            if (h == null) {
                Neuron neuron = new Neuron(spec.id(), spec.mode(), spec.threshold(), spec.inputWindow(),
                        spec.refractory(), weights, eventCapacity);
                h = new HostedNeuron(neuron, spec, downstream, inboxes.open(spec.id()));
                hosted.put(spec.id(), h);
                adopted.add(h);
            } else {
                h.spec = spec;
                h.downstream = downstream;
                Neuron.Outcome outcome = h.neuron.reconfigure(spec.mode(), spec.threshold(), spec.inputWindow(),
                        spec.refractory(), weights, now);
                if (outcome != Neuron.Outcome.NONE) {
                    changed.put(h, outcome);
                }
            }
        }
        if (!adopted.isEmpty()) {
            // Subscribe before reading the retained state: an input published in between is then both in the
            // retained outputs and waiting in the (paused) inbox, and applying it twice is harmless.
            outbox.subscribeInputs(adopted.stream().map(h -> h.spec.id()).toList());
            List<HostedNeuron> fresh = new ArrayList<>();
            List<HostedNeuron> existing = new ArrayList<>();
            for (HostedNeuron h : adopted) {
                (knownBefore != null && !knownBefore.contains(h.spec.id()) ? fresh : existing).add(h);
            }
            restore(existing);
            start(fresh, now);
        }
        changed.forEach((h, outcome) -> emit(h, outcome, now));
        if (!removed.isEmpty() || !adopted.isEmpty()) {
            Logger.info("node {}: hosting {} neuron(s) (+{} -{}{})", node, hosted.size(), adopted.size(), removed.size(),
                    handingOver.isEmpty() ? "" : ", handing over " + handingOver.keySet());
            Logger.debug("node {}: started {}, stopped {}", node, adopted.stream().map(h -> h.spec.id()).toList(),
                    removed);
            hostingChanged.run();
        }
    }

    /** Peers reported: releases every handed-over neuron that its new host now reports (or that waited too long). */
    void peersChanged() {
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
            Logger.info("node {}: handed over {}, hosting {} neuron(s)", node, done, hosted.size());
            hostingChanged.run();
        }
    }

    private void release(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        outbox.unsubscribeInputs(ids);
        ids.forEach(id -> {
            inboxes.close(id);
            hosted.remove(id);
        });
    }

    /**
     * Seeds neurons that just started here from the fleet's retained state: upstream neurons' outputs (what they last
     * sent) and the neuron's sensor values; then publishes the output if it differs from the retained one.
     */
    private void restore(List<HostedNeuron> adopted) {
        Set<String> adoptedIds = new HashSet<>();
        adopted.forEach(h -> adoptedIds.add(h.spec.id()));
        Set<String> topics = new LinkedHashSet<>();
        for (HostedNeuron h : adopted) {
            String id = h.spec.id();
            topics.add(Topics.output(id));
            for (SynapseSpec synapse : index.incoming(id)) {
                if (index.isSensor(synapse.from())) {
                    topics.add(Topics.state(id));
                } else if (!hosted.containsKey(synapse.from()) || adoptedIds.contains(synapse.from())) {
                    topics.add(Topics.output(synapse.from()));
                }
            }
        }
        Map<String, byte[]> retained = outbox.fetchRetained(topics);
        long now = clock.micros();
        for (HostedNeuron h : adopted) {
            String id = h.spec.id();
            Map<String, Double> inputs = new HashMap<>();
            Map<String, Double> sensors = Payloads.sensorValues(retained.get(Topics.state(id)));
            for (SynapseSpec synapse : index.incoming(id)) {
                String from = synapse.from();
                if (index.isSensor(from)) {
                    Double value = sensors.get(from);
                    if (value != null) {
                        inputs.put(from, value);
                    }
                } else {
                    HostedNeuron local = hosted.get(from);
                    int value = local != null && !adoptedIds.contains(from) ? local.neuron.output()
                            : Payloads.outputValue(retained.get(Topics.output(from)));
                    if (value >= 0) {
                        inputs.put(from, (double) value);
                    }
                }
            }
            int before = Payloads.outputValue(retained.get(Topics.output(id)));
            int output = h.neuron.restore(inputs, now);
            // No retained output means the neuron never left 0.
            if (output != Math.max(0, before)) {
                emit(h, h.neuron.mode() == NeuronMode.SPIKE ? Neuron.Outcome.RESTED : Neuron.Outcome.OUTPUT_CHANGED,
                        now);
            } else if (before == -1) {
                // Publish the resting output once: watchers see every neuron, and the next restore need not wait
                // for a retained message that does not exist.
                outbox.output(id, output, now / 1000);
            }
            if (topics.contains(Topics.state(id)) && !retained.containsKey(Topics.state(id))) {
                publishState(h);
            }
        }
        adopted.forEach(h -> h.inbox.resume());
    }

    private static Set<String> neuronIds(Topology t) {
        Set<String> ids = new HashSet<>();
        t.neurons().forEach(n -> ids.add(n.id()));
        return ids;
    }

    /** Neurons new in this revision: nothing to restore; their resting output is published once for watchers. */
    private void start(List<HostedNeuron> fresh, long now) {
        for (HostedNeuron h : fresh) {
            if (h.neuron.output() == 1) {
                emit(h, Neuron.Outcome.OUTPUT_CHANGED, now);
            } else {
                outbox.output(h.spec.id(), 0, now / 1000);
            }
            h.inbox.resume();
        }
    }

    private Map<String, Double> weightsInto(String neuron) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (SynapseSpec synapse : index.incoming(neuron)) {
            weights.put(synapse.from(), synapse.weight());
        }
        return weights;
    }

    private List<String> downstreamOf(String neuron) {
        List<SynapseSpec> out = index.outgoing(neuron);
        List<String> ids = new ArrayList<>(out.size());
        for (SynapseSpec synapse : out) {
            ids.add(synapse.to());
        }
        return List.copyOf(ids);
    }

    private void followActuatorNeurons() {
        Set<String> wanted = gpio.followedNeurons();
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

    // ---- GPIO ---------------------------------------------------------------------------------------------------

    /** A GPIO sensor of this node changed: its value goes to every neuron it feeds, like any other input. */
    void sensorChanged(SensorSpec sensor, double value) {
        if (index == null) {
            return;
        }
        byte[] payload = OutputCodec.input(sensor.id(), value);
        long now = clock.micros();
        for (SynapseSpec synapse : index.outgoing(sensor.id())) {
            outbox.input(synapse.to(), payload);
            HostedNeuron local = hosted.get(synapse.to());
            if (local != null) {
                deliver(local, sensor.id(), value, now);
            }
        }
    }

    /** A followed neuron's retained output arrived: drive the actuators that follow it. */
    void onFollowedOutput(String neuron, byte[] payload) {
        int value = Payloads.outputValue(payload);
        if (value >= 0) {
            gpio.neuronOutput(neuron, value);
        }
    }

    // ---- inputs -------------------------------------------------------------------------------------------------

    /** A payload from a neuron's inbox. */
    void onPayload(String neuronId, byte[] payload) {
        HostedNeuron h = hosted.get(neuronId);
        if (h == null) {
            counters.unknownNeuron.increment();
            return;
        }
        Input input;
        try {
            input = InputDecoder.decode(payload);
        } catch (BadInputException e) {
            long n = counters.malformed.incrementAndGet();
            if (n <= LOGGED_MALFORMED || n % 1000 == 0) {
                Logger.warn("node {}: bad input on neuron/{} dropped ({} so far): {}", node, neuronId, n, e.getMessage());
            }
            return;
        }
        long now = clock.micros();
        if (Logger.isDebugEnabled()) {
            Logger.debug("node {}: neuron/{} <- {}", node, neuronId, input);
        }
        if (input.fire()) {
            emit(h, h.neuron.forceFire(now), now);
        } else {
            deliver(h, input.from(), input.value(), now);
        }
    }

    private void deliver(HostedNeuron h, String from, double value, long now) {
        counters.inputs.increment();
        boolean fromSensor = index.isSensor(from);
        double before = fromSensor ? h.neuron.inputValue(from) : 0;
        emit(h, h.neuron.onInput(from, value, now), now);
        if (fromSensor && Double.compare(before, value) != 0) {
            publishState(h);
        }
    }

    /** Keeps the neuron's sensor values retained, for whichever node hosts it next. */
    private void publishState(HostedNeuron h) {
        Map<String, Double> sensors = new LinkedHashMap<>();
        for (SynapseSpec synapse : index.incoming(h.spec.id())) {
            double value = h.neuron.inputValue(synapse.from());
            if (index.isSensor(synapse.from()) && !Double.isNaN(value)) {
                sensors.put(synapse.from(), value);
            }
        }
        outbox.state(h.spec.id(), Payloads.state(sensors));
    }

    /** Publishes what an outcome requires and delivers local inputs in-process. */
    private void emit(HostedNeuron h, Neuron.Outcome outcome, long now) {
        if (outcome == Neuron.Outcome.NONE) {
            return;
        }
        Neuron neuron = h.neuron;
        int output = neuron.output();
        counters.outputs.increment();
        outbox.output(neuron.id(), output, now / 1000);
        if (outcome == Neuron.Outcome.RESTED) {
            return;
        }
        if (outcome == Neuron.Outcome.FIRED) {
            counters.fires.increment();
            scheduleTick(h);
        }
        byte[] payload = h.payloadByOutput[output];
        for (String target : h.downstream) {
            outbox.input(target, payload);
            if (hosted.containsKey(target)) {
                String from = neuron.id();
                scheduler.schedule(() -> deliverLocal(target, from, output), 0);
            }
        }
    }

    private void deliverLocal(String target, String from, double value) {
        HostedNeuron h = hosted.get(target);
        if (h != null) {
            deliver(h, from, value, clock.micros());
        }
    }

    private void scheduleTick(HostedNeuron h) {
        long deadline = h.neuron.deadline();
        if (deadline == Long.MAX_VALUE || h.tickScheduled) {
            return;
        }
        h.tickScheduled = true;
        scheduler.schedule(() -> tick(h), deadline - clock.micros());
    }

    private void tick(HostedNeuron h) {
        h.tickScheduled = false;
        if (hosted.get(h.neuron.id()) != h) {
            return;
        }
        long now = clock.micros();
        Neuron.Outcome outcome = h.neuron.tick(now);
        if (outcome == Neuron.Outcome.NONE) {
            scheduleTick(h);
        } else {
            emit(h, outcome, now);
        }
    }

    // ---- requests -----------------------------------------------------------------------------------------------

    /** Recent events of every hosted neuron at or after {@code sinceMicros}, oldest first. */
    List<LogLine> events(long sinceMicros) {
        List<LogLine> lines = new ArrayList<>();
        for (HostedNeuron h : hosted.values()) {
            String id = h.neuron.id();
            for (EventLog.Event e : h.neuron.log().events(sinceMicros)) {
                lines.add(new LogLine(e.epochMicros(), id, e.kind().name().toLowerCase(),
                        e.kind().describe(id, e.source(), e.value(), e.sum())));
            }
        }
        lines.sort(Comparator.comparingLong(LogLine::epochMicros));
        return lines;
    }

    /** Forgets the recent events of every hosted neuron. */
    void clearEvents() {
        hosted.values().forEach(h -> h.neuron.log().clear());
    }

    /** The state of a hosted neuron. */
    Optional<NeuronSnapshot> inspect(String neuron) {
        HostedNeuron h = hosted.get(neuron);
        return h == null ? Optional.empty() : Optional.of(h.neuron.snapshot(clock.micros()));
    }

    /** Downstream neurons of a hosted neuron (for inspect). */
    List<String> downstream(String neuron) {
        HostedNeuron h = hosted.get(neuron);
        return h == null ? List.of() : h.downstream;
    }

    /** Stops every hosted neuron (the node is leaving): unsubscribes and drops their inboxes. */
    void releaseAll() {
        handingOver.clear();
        release(List.copyOf(hosted.keySet()));
    }
}
