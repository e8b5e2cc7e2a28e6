package io.neuromesh.edge.internal.signal;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.mqtt.InboundMessage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The inboxes of all hosted neurons, found by input topic straight from the MQTT callback thread. */
public final class NeuronInboxes {

    private final ConcurrentHashMap<String, NeuronInbox> byTopic = new ConcurrentHashMap<>();
    private final int capacity;
    private final Consumer<NeuronInbox> ready;
    private final Counters counters;
    private final AtomicInteger waiting = new AtomicInteger();
    /** Whether an id is a neuron of the running topology; set by the brain, read on the callback thread. */
    private volatile Predicate<String> neuron = id -> false;

    /**
     * @param ready    posts an inbox that has inputs waiting to the brain thread
     * @param counters counts inputs dropped (an inbox full) and inputs for neurons not hosted here
     */
    public NeuronInboxes(int capacity, Consumer<NeuronInbox> ready, Counters counters) {
        this.capacity = capacity;
        this.ready = ready;
        this.counters = counters;
    }

    /** Brain thread: the running topology's neurons, which tell an input for a peer from one for nobody. */
    public void running(Predicate<String> isNeuron) {
        neuron = isNeuron;
    }

    /** MQTT callback thread: hands the payload to its neuron's inbox; never blocks. */
    public void offer(InboundMessage message) {
        NeuronInbox inbox = byTopic.get(message.topic());
        if (inbox == null) {
            // A peer hosts the neuron and this node subscribes neuron/+, or it moved away while the message was on its
            // way; or no neuron has that id (removed, or a topic nobody hosts, which neuron/+ brings too).
            counters.notHosted(neuron.test(Topics.neuronOf(message.topic())));
            return;
        }
        inbox.offer(message.payload());
    }

    /** Brain thread: an inbox for a neuron that starts here (paused until its state is restored). */
    public NeuronInbox open(String neuron) {
        NeuronInbox inbox = new NeuronInbox(neuron, capacity, ready, counters.dropped, waiting);
        inbox.pause();
        byTopic.put(Topics.input(neuron), inbox);
        return inbox;
    }

    /** Brain thread: the neuron left; what waits in its inbox is discarded. */
    public void close(String neuron) {
        NeuronInbox inbox = byTopic.remove(Topics.input(neuron));
        if (inbox != null) {
            inbox.close();
        }
    }

    /** Messages waiting in all inboxes. */
    public int depth() {
        return waiting.get();
    }
}
