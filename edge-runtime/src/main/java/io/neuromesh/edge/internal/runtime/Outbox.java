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

    /** Start following these neurons' retained outputs (they drive actuators here). */
    void subscribeOutputs(Collection<String> neurons);

    /** Stop following these neurons' outputs. */
    void unsubscribeOutputs(Collection<String> neurons);

    /** Publish a neuron's retained state: the last value of each sensor that feeds it. */
    void state(String neuron, byte[] payload);

    /**
     * The retained messages of these topics (absent topics have none). Waits for the broker's answer, at most a
     * short grace period for topics that have no retained message.
     */
    java.util.Map<String, byte[]> fetchRetained(Collection<String> topics);
}
