package io.neuromesh.edge.internal.hosting;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.codec.Retained;
import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.RetainedQuery;
import io.neuromesh.edge.internal.signal.HostedNeuron;
import io.neuromesh.edge.internal.signal.HostedNeurons;
import io.neuromesh.edge.internal.signal.Signal;
import io.neuromesh.topology.NeuronMode;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.TopologyIndex;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Starts neurons that just came to this node: those that existed before adopt the fleet's retained state (upstream
 * outputs and the neuron's sensor values), new ones start at rest. Either way the neuron's output is published when
 * it differs from the retained one, and its inbox opens only afterwards; a resting 0 that only tells watchers is
 * published after the apply ({@link RestingOutputs}). Brain thread only.
 */
final class Restore {

    private final NeuronOutbox outbox;
    private final HostedNeurons hosted;
    private final Signal signal;
    private final RestingOutputs resting;

    Restore(NeuronOutbox outbox, HostedNeurons hosted, Signal signal, RestingOutputs resting) {
        this.outbox = outbox;
        this.hosted = hosted;
        this.signal = signal;
        this.resting = resting;
    }

    /**
     * The retained state of arriving neurons, being read.
     *
     * @param absenceKnown false for a wildcard read: a topic absent from it may still hold a retained message, and
     *                     nothing retained is published over it
     */
    record Reading(NeuronOutbox.RetainedRead read, boolean absenceKnown) {
    }

    /**
     * Starts reading the retained state that {@link #restore} seeds {@code arriving} from, as soon as
     * {@code subscribed} is acknowledged, while the brain builds them.
     *
     * @param arriving    the neurons about to be adopted that are not new in this revision
     * @param hostedAfter the neurons hosted once they are adopted: their outputs are known here
     */
    Reading read(Collection<String> arriving, TopologyIndex index, Set<String> hostedAfter,
                 NeuronOutbox.Pending subscribed) {
        Set<String> outputs = HashSet.newHashSet(2 * arriving.size());
        Set<String> states = new HashSet<>();
        for (String id : arriving) {
            outputs.add(id);
            for (SynapseSpec synapse : index.incoming(id)) {
                if (index.isSensor(synapse.from())) {
                    states.add(id);
                } else if (!hostedAfter.contains(synapse.from())) {
                    // An upstream neuron arriving now is in this loop too, and adds its own output.
                    outputs.add(synapse.from());
                }
            }
        }
        RetainedQuery query = new RetainedQuery(outputs, states);
        return new Reading(outbox.fetchRetained(subscribed, query), query.size() <= NeuronOutbox.EXACT_READ_LIMIT);
    }

    /**
     * Seeds {@code adopted} from the retained state {@link #read} started reading for them, publishes outputs that
     * changed, then resumes their inboxes.
     */
    void restore(List<HostedNeuron> adopted, Reading reading, TopologyIndex index, long now) {
        Predicate<String> adoptedNow = adopted(adopted);
        Map<String, byte[]> retained = reading.read().await();
        boolean absenceKnown = reading.absenceKnown();
        for (HostedNeuron h : adopted) {
            String id = h.id();
            Map<String, Double> inputs = new HashMap<>();
            // Read once, for the first sensor synapse; null when none feeds this neuron.
            String stateTopic = null;
            Map<String, Double> sensors = Map.of();
            for (SynapseSpec synapse : index.incoming(id)) {
                String from = synapse.from();
                if (index.isSensor(from)) {
                    if (stateTopic == null) {
                        stateTopic = Topics.state(id);
                        sensors = Retained.sensorValues(retained.get(stateTopic));
                    }
                    Double value = sensors.get(from);
                    if (value != null) {
                        inputs.put(from, value);
                    }
                } else {
                    HostedNeuron local = hosted.get(from);
                    int value = local != null && !adoptedNow.test(from) ? local.neuron().output()
                            : retainedOutput(retained, from);
                    if (value >= 0) {
                        inputs.put(from, (double) value);
                    }
                }
            }
            int before = retainedOutput(retained, id);
            int output = h.neuron().restore(inputs, now);
            // No retained output means the neuron never left 0.
            if (output != Math.max(0, before)) {
                signal.emit(h, h.neuron().mode() == NeuronMode.SPIKE ? Neuron.Outcome.RESTED
                        : Neuron.Outcome.OUTPUT_CHANGED, now);
            } else if (before == -1) {
                // Publish the resting output once: watchers see every neuron, and the next restore need not wait
                // for a retained message that does not exist.
                resting.add(h, absenceKnown ? RestingOutputs.Mode.RETAIN : RestingOutputs.Mode.LIVE);
            }
            if (stateTopic != null && !retained.containsKey(stateTopic) && absenceKnown) {
                signal.publishState(h);
            }
        }
        adopted.forEach(h -> h.inbox().resume());
    }

    /** The retained output of {@code neuron}, -1 when none (a fleet's first apply retains none: no topic is built). */
    private static int retainedOutput(Map<String, byte[]> retained, String neuron) {
        return retained.isEmpty() ? -1 : Retained.outputValue(retained.get(Topics.output(neuron)));
    }

    /** Whether a hosted neuron is one of {@code adopted}: every one on a node's first topology (no set needed). */
    private Predicate<String> adopted(List<HostedNeuron> adopted) {
        if (adopted.size() == hosted.size()) {
            return id -> true;
        }
        Set<String> ids = new HashSet<>();
        adopted.forEach(h -> ids.add(h.id()));
        return ids::contains;
    }

    /**
     * Neurons new in this revision: nothing to restore; their resting output is published once for watchers, retained
     * (a neuron of the same id in an older revision may have left another value retained).
     */
    void start(List<HostedNeuron> fresh, long now) {
        for (HostedNeuron h : fresh) {
            if (h.neuron().output() == 1) {
                signal.emit(h, Neuron.Outcome.OUTPUT_CHANGED, now);
            } else {
                resting.add(h, RestingOutputs.Mode.RETAIN);
            }
            h.inbox().resume();
        }
    }
}
