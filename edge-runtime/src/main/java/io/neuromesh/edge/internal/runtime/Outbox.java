package io.neuromesh.edge.internal.runtime;

import java.util.Collection;

/** What the brain asks the outside world to do; the MQTT implementation publishes, tests record. */
interface Outbox {

    /** Publish a neuron's new output (retained). */
    void output(String neuron, int value, long epochMillis);

    /** Publish an input to {@code neuron/<to>}. */
    void input(String toNeuron, byte[] payload);

    /** Start receiving inputs for these neurons (waits for the broker's acknowledgement). */
    void subscribeInputs(Collection<String> neurons);

    /** Stop receiving inputs for these neurons. */
    void unsubscribeInputs(Collection<String> neurons);
}
