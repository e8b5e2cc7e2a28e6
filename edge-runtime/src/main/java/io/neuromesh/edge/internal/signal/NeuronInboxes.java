package io.neuromesh.edge.internal.signal;

import io.neuromesh.edge.Topics;
import io.neuromesh.mqtt.InboundMessage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** The inboxes of all hosted neurons, found by input topic straight from the MQTT callback thread. */
public final class NeuronInboxes {

    private final ConcurrentHashMap<String, NeuronInbox> byTopic = new ConcurrentHashMap<>();
    private final int capacity;
    private final Consumer<NeuronInbox> ready;
    private final AtomicLong dropped;
    private final LongAdder unknown;
    private final AtomicInteger waiting = new AtomicInteger();

    /** @param ready posts an inbox that has inputs waiting to the brain thread */
    public NeuronInboxes(int capacity, Consumer<NeuronInbox> ready, AtomicLong dropped, LongAdder unknown) {
        this.capacity = capacity;
        this.ready = ready;
        this.dropped = dropped;
        this.unknown = unknown;
    }

    /** MQTT callback thread: hands the payload to its neuron's inbox; never blocks. */
    public void offer(InboundMessage message) {
        NeuronInbox inbox = byTopic.get(message.topic());
        if (inbox == null) {
            // The neuron moved away or was removed while the message was on its way, or a peer hosts it and this node
            // subscribes neuron/+.
            unknown.increment();
            return;
        }
        inbox.offer(message.payload());
    }

    /** Brain thread: an inbox for a neuron that starts here (paused until its state is restored). */
    public NeuronInbox open(String neuron) {
        NeuronInbox inbox = new NeuronInbox(neuron, capacity, ready, dropped, waiting);
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
