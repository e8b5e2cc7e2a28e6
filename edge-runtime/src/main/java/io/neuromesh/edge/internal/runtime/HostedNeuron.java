package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.internal.codec.OutputCodec;
import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.topology.NeuronSpec;

import java.util.List;

/** A neuron hosted by this runtime, with what it sends downstream precomputed (no allocation per spike). */
final class HostedNeuron {

    final Neuron neuron;
    NeuronSpec spec;
    List<String> downstream;
    /** {@code {"from":"<id>","value":0}} and {@code ...:1}, indexed by output. */
    final byte[][] payloadByOutput;
    final NeuronInbox inbox;
    /** True while a refractory-end tick is scheduled. */
    boolean tickScheduled;

    HostedNeuron(Neuron neuron, NeuronSpec spec, List<String> downstream, NeuronInbox inbox) {
        this.neuron = neuron;
        this.spec = spec;
        this.downstream = downstream;
        this.inbox = inbox;
        this.payloadByOutput = new byte[][] {OutputCodec.input(neuron.id(), 0), OutputCodec.input(neuron.id(), 1)};
    }
}
