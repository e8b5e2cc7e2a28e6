package io.neuromesh.edge.internal.port;

import java.util.Collection;
import java.util.Map;

/**
 * The neuron traffic the brain sends and the subscriptions it holds; the MQTT implementation publishes, tests record.
 * Called on the brain thread only.
 */
public interface NeuronOutbox {

    /** Publish a neuron's new output (retained). */
    void output(String neuron, int value, long epochMillis);

    /** Publish a discrete-time neuron's settled output of {@code tick} (retained). */
    default void output(String neuron, int value, long epochMillis, long tick) {
        output(neuron, value, epochMillis);
    }

    /** Publish an input to {@code neuron/<to>}; {@code payload} is precomputed by the caller (hot path). */
    void input(String toNeuron, byte[] payload);

    /** Publish a neuron's retained state: the last value of each sensor that feeds it. */
    void state(String neuron, Map<String, Double> sensors);

    /** Start receiving inputs for these neurons (waits for the broker's acknowledgement). */
    void subscribeInputs(Collection<String> neurons);

    /** Stop receiving inputs for these neurons. */
    void unsubscribeInputs(Collection<String> neurons);

    /** Start following these neurons' retained outputs (they drive actuators here). */
    void subscribeOutputs(Collection<String> neurons);

    /** Stop following these neurons' outputs. */
    void unsubscribeOutputs(Collection<String> neurons);

    /**
     * The retained messages of these topics (absent topics have none). Waits for the broker's answer, at most a
     * short grace period for topics that have no retained message.
     */
    Map<String, byte[]> fetchRetained(Collection<String> topics);
}
