package io.neuromesh.edge.internal.signal;

import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.topology.NeuronSpec;

import java.util.List;
import java.util.Map;

/** A neuron hosted by this runtime, with what it sends downstream precomputed (no allocation per spike). */
public final class HostedNeuron {

    private final Neuron neuron;
    private NeuronSpec spec;
    private List<String> downstream;
    /**
     * {@code {"from":"<id>","value":0}} and {@code ...:1}, indexed by output; made when the neuron first sends (most
     * of 100,000 neurons applied at once send nothing for a while, and their apply should not wait for them).
     */
    private byte[][] payloadByOutput;
    private final NeuronInbox inbox;
    /** True while a refractory-end tick is scheduled. */
    boolean tickScheduled;

    public HostedNeuron(Neuron neuron, NeuronSpec spec, List<String> downstream, NeuronInbox inbox) {
        this.neuron = neuron;
        this.spec = spec;
        this.downstream = List.copyOf(downstream);
        this.inbox = inbox;
    }

    public Neuron neuron() {
        return neuron;
    }

    public NeuronSpec spec() {
        return spec;
    }

    public String id() {
        return neuron.id();
    }

    public List<String> downstream() {
        return downstream;
    }

    public NeuronInbox inbox() {
        return inbox;
    }

    /** Brain thread only. */
    byte[] payload(int output) {
        if (payloadByOutput == null) {
            payloadByOutput = new byte[][] {InputCodec.encode(Input.of(neuron.id(), 0)),
                    InputCodec.encode(Input.of(neuron.id(), 1))};
        }
        return payloadByOutput[output];
    }

    /**
     * A topology keeps this neuron here: its spec, incoming weights and downstream neurons may have changed.
     *
     * @return true when the neuron's own settings changed (mode, threshold, input window, refractory period or
     * incoming weights) and it must be reconfigured; a new placement or a change elsewhere in the network is not one
     */
    public boolean respec(NeuronSpec next, Map<String, Double> nextWeights, List<String> nextDownstream) {
        boolean changed = next.mode() != spec.mode() || Double.compare(next.threshold(), spec.threshold()) != 0
                || !next.inputWindow().equals(spec.inputWindow()) || !next.refractory().equals(spec.refractory())
                || !neuron.weighs(nextWeights);
        this.spec = next;
        this.downstream = List.copyOf(nextDownstream);
        return changed;
    }
}
