package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.Topics;
import io.neuromesh.mqtt.InboundMessage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The inboxes of all hosted neurons, found by input topic straight from the MQTT callback thread. */
final class NeuronInboxes {

    private final ConcurrentHashMap<String, NeuronInbox> byTopic = new ConcurrentHashMap<>();
    private final int capacity;
    private final Executor brain;
    private final NeuronInbox.Handler handler;
    private final AtomicLong dropped;
    private final LongAdder unknown;

    NeuronInboxes(int capacity, Executor brain, NeuronInbox.Handler handler, AtomicLong dropped, LongAdder unknown) {
        this.capacity = capacity;
        this.brain = brain;
        this.handler = handler;
        this.dropped = dropped;
        this.unknown = unknown;
    }

    /** MQTT callback thread: hands the payload to its neuron's inbox; never blocks. */
    void offer(InboundMessage message) {
        NeuronInbox inbox = byTopic.get(message.topic());
        if (inbox == null) {
            // The neuron moved away or was removed while the message was on its way.
            unknown.increment();
            return;
        }
        inbox.offer(message.payload());
    }

    /** Brain thread: an inbox for a neuron that starts here (paused until its state is restored). */
    NeuronInbox open(String neuron) {
        NeuronInbox inbox = new NeuronInbox(neuron, capacity, brain, handler, dropped);
        inbox.pause();
        byTopic.put(Topics.input(neuron), inbox);
        return inbox;
    }

    /** Brain thread: the neuron left; what waits in its inbox is discarded. */
    void close(String neuron) {
        NeuronInbox inbox = byTopic.remove(Topics.input(neuron));
        if (inbox != null) {
            inbox.close();
        }
    }

    /** Messages waiting in all inboxes. */
    int depth() {
        int depth = 0;
        for (NeuronInbox inbox : byTopic.values()) {
            depth += inbox.depth();
        }
        return depth;
    }
}
