package io.neuromesh.edge.internal.signal;

import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.topology.NeuronSpec;

import java.util.List;

/** A neuron hosted by this runtime, with what it sends downstream precomputed (no allocation per spike). */
public final class HostedNeuron {

    private final Neuron neuron;
    private NeuronSpec spec;
    private List<String> downstream;
    /** {@code {"from":"<id>","value":0}} and {@code ...:1}, indexed by output. */
    private final byte[][] payloadByOutput;
    private final NeuronInbox inbox;
    /** True while a refractory-end tick is scheduled. */
    boolean tickScheduled;

    public HostedNeuron(Neuron neuron, NeuronSpec spec, List<String> downstream, NeuronInbox inbox) {
        this.neuron = neuron;
        this.spec = spec;
        this.downstream = List.copyOf(downstream);
        this.inbox = inbox;
        this.payloadByOutput = new byte[][] {InputCodec.encode(Input.of(neuron.id(), 0)),
                InputCodec.encode(Input.of(neuron.id(), 1))};
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

    byte[] payload(int output) {
        return payloadByOutput[output];
    }

    /** A new topology revision keeps this neuron here: its spec and downstream neurons may have changed. */
    public void respec(NeuronSpec spec, List<String> downstream) {
        this.spec = spec;
        this.downstream = List.copyOf(downstream);
    }
}
