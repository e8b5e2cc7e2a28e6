package io.neuromesh.edge.internal.port;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The neuron traffic the brain sends and the subscriptions it holds; the MQTT implementation publishes, tests record.
 * Called on the brain thread only.
 */
public interface NeuronOutbox {

    /** A change of subscriptions under way. */
    @FunctionalInterface
    interface Pending {
        /** Waits until the broker has acknowledged it; throws what it failed with. */
        void await();
    }

    /** A read of retained messages under way. */
    @FunctionalInterface
    interface RetainedRead {
        /** Waits until the read ends; the retained payloads of the topics that have one. Throws what it failed with. */
        Map<String, byte[]> await();
    }

    /** The most topics {@link #fetchRetained} reads one by one, so that an absent topic has no retained message. */
    int EXACT_READ_LIMIT = 50_000;

    /** Publish a neuron's new output (retained). */
    void output(String neuron, int value, long epochMillis);

    /** Publish a discrete-time neuron's settled output of {@code tick} (retained). */
    default void output(String neuron, int value, long epochMillis, long tick) {
        output(neuron, value, epochMillis);
    }

    /**
     * Publish the resting output (0) of a neuron that just came to this node, retained or only to live watchers, at
     * QoS 1 and only if the node's connection takes it without waiting: a large topology publishes one per neuron
     * after the apply, and the broker's window of unacknowledged publishes then bounds how many go ahead of the node's
     * heartbeats on that connection. Never blocks.
     *
     * @param retained false when the neuron's retained output may exist after all (a read of more than {@link
     *                 #EXACT_READ_LIMIT} topics): a retained 0 must not replace it
     * @return false when nothing was done (the window is full, or the connection is down): try again later
     */
    boolean tryRestingOutput(String neuron, long epochMillis, boolean retained);

    /** Publish an input to {@code neuron/<to>}; {@code payload} is precomputed by the caller (hot path). */
    void input(String toNeuron, byte[] payload);

    /** Publish a neuron's retained state: the last value of each sensor that feeds it. */
    void state(String neuron, Map<String, Double> sensors);

    /**
     * Receive inputs for exactly the {@code hosted} neurons from now on, of a topology of {@code topologyNeurons}
     * neurons. Returns once the (un)subscribing has started; {@link Pending#await} waits for the broker's
     * acknowledgements. Until then the brain may build neurons but not change subscriptions, and {@code hosted} must
     * not change.
     */
    Pending inputs(Set<String> hosted, int topologyNeurons);

    /** Start following these neurons' retained outputs (they drive actuators here). */
    void subscribeOutputs(Collection<String> neurons);

    /** Stop following these neurons' outputs. */
    void unsubscribeOutputs(Collection<String> neurons);

    /**
     * Starts reading the retained messages of these topics once {@code after}, a change of {@link #inputs}, is
     * acknowledged (an input published before the read is then both retained and in an inbox, never in neither), on
     * a thread of its own: the brain builds the arriving neurons meanwhile, and the read's wait for topics that have
     * no retained message passes with it. Returns at once. Up to {@link #EXACT_READ_LIMIT} topics an absent topic has
     * none: each is subscribed and waited for, at most a short grace period for topics that have no retained message.
     * Beyond it the read subscribes wildcard filters and ends when they go quiet (MQTT has no end-of-retained marker),
     * so on a loaded machine a topic may be absent that has a retained message.
     */
    RetainedRead fetchRetained(Pending after, RetainedQuery query);
}
