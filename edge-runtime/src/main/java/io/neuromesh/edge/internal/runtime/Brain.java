package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.internal.codec.BadInputException;
import io.neuromesh.edge.internal.codec.Input;
import io.neuromesh.edge.internal.codec.InputDecoder;
import io.neuromesh.edge.internal.neuron.EventLog;
import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.edge.internal.neuron.NeuronSnapshot;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyIndex;
import org.tinylog.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The neurons of one runtime and the topology they follow. Every method runs on the runtime's brain thread: no locks,
 * no shared mutable state. Inputs come in as raw payloads (decoded here, off the MQTT callback thread); effects go out
 * through the {@link Outbox}. An input for a neuron hosted here is delivered in-process (the local fast path) and
 * still published for observers; the runtime's no-local subscriptions keep the broker from echoing it back.
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
    private final Map<String, HostedNeuron> hosted = new HashMap<>();
    private final Counters counters;
    private Topology topology;
    private String hash = "";

    Brain(String node, EpochClock clock, Outbox outbox, Scheduler scheduler, int eventCapacity, Counters counters) {
        this.node = node;
        this.clock = clock;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.eventCapacity = eventCapacity;
        this.counters = counters;
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

    // ---- topology -----------------------------------------------------------------------------------------------

    /** Applies a validated topology if it is newer than the running one. */
    ApplyResult apply(Topology next) {
        String nextHash = next.contentHash();
        if (topology != null && next.rev() <= topology.rev()) {
            if (next.rev() == topology.rev() && nextHash.equals(hash)) {
                return result(next.rev(), ApplyResult.Kind.UNCHANGED, List.of());
            }
            counters.topologyRejected.increment();
            return result(next.rev(), ApplyResult.Kind.REJECTED, List.of("rev: " + next.rev()
                    + " is not newer than the running rev " + topology.rev() + "; publish it with a higher rev"));
        }
        long now = clock.micros();
        TopologyIndex index = next.index();
        Map<String, NeuronSpec> wanted = new LinkedHashMap<>();
        for (NeuronSpec spec : next.neurons()) {
            if (node.equals(spec.node())) {
                wanted.put(spec.id(), spec);
            }
        }
        List<String> removed = new ArrayList<>();
        for (String id : hosted.keySet()) {
            if (!wanted.containsKey(id)) {
                removed.add(id);
            }
        }
        if (!removed.isEmpty()) {
            outbox.unsubscribeInputs(removed);
            removed.forEach(hosted::remove);
        }
        List<String> added = new ArrayList<>();
        Map<HostedNeuron, Neuron.Outcome> changed = new LinkedHashMap<>();
        for (NeuronSpec spec : wanted.values()) {
            Map<String, Double> weights = weightsInto(index, spec.id());
            List<String> downstream = downstreamOf(index, spec.id());
            HostedNeuron h = hosted.get(spec.id());
            if (h == null) {
                Neuron neuron = new Neuron(spec.id(), spec.mode(), spec.threshold(), spec.inputWindow(),
                        spec.refractory(), weights, eventCapacity);
                h = new HostedNeuron(neuron, spec, downstream);
                hosted.put(spec.id(), h);
                added.add(spec.id());
                if (neuron.output() == 1) {
                    changed.put(h, Neuron.Outcome.OUTPUT_CHANGED);
                }
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
        if (!added.isEmpty()) {
            outbox.subscribeInputs(added);
        }
        topology = next;
        hash = nextHash;
        counters.topologyApplied.increment();
        changed.forEach((h, outcome) -> emit(h, outcome, now));
        Logger.info("node {}: topology rev {} applied, hosting {} neuron(s) (+{} -{})", node, next.rev(),
                hosted.size(), added.size(), removed.size());
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
        return new ApplyResult(rev, kind, hash(), rev(), List.copyOf(hostedIds()), errors);
    }

    private static Map<String, Double> weightsInto(TopologyIndex index, String neuron) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (SynapseSpec synapse : index.incoming(neuron)) {
            weights.put(synapse.from(), synapse.weight());
        }
        return weights;
    }

    private static List<String> downstreamOf(TopologyIndex index, String neuron) {
        List<SynapseSpec> out = index.outgoing(neuron);
        List<String> ids = new ArrayList<>(out.size());
        for (SynapseSpec synapse : out) {
            ids.add(synapse.to());
        }
        return List.copyOf(ids);
    }

    // ---- inputs -------------------------------------------------------------------------------------------------

    /** A payload arrived on {@code neuron/<id>}. */
    void onPayload(String neuronId, byte[] payload) {
        HostedNeuron h = hosted.get(neuronId);
        if (h == null) {
            counters.unknownNeuron.increment();
            Logger.debug("node {}: input for neuron {} which is not hosted here", node, neuronId);
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
        if (input.fire()) {
            emit(h, h.neuron.forceFire(now), now);
        } else {
            deliver(h, input.from(), input.value(), now);
        }
    }

    private void deliver(HostedNeuron h, String from, double value, long now) {
        counters.inputs.increment();
        emit(h, h.neuron.onInput(from, value, now), now);
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
            HostedNeuron local = hosted.get(target);
            if (local != null) {
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
}
