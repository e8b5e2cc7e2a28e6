package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.brain.BrainEvent;
import io.neuromesh.edge.internal.brain.BrainLoop;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.signal.NeuronInboxes;
import io.neuromesh.edge.wire.Output;
import io.neuromesh.edge.wire.OutputCodec;
import io.neuromesh.edge.wire.SensorState;
import io.neuromesh.edge.wire.SensorStateCodec;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Set;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

/**
 * The brain's neuron traffic as MQTT messages on the runtime's link. Applying a large topology sends a lot through
 * here in one brain task (100,000 subscriptions and resting outputs take seconds); the outbox reports progress
 * regularly meanwhile, so that the node's watchdog does not take a busy brain for a hung one and its peers do not take
 * over its neurons.
 *
 * <p>Called under the brain's turn: on the brain thread, or on Paho's callback thread when an input was handled there
 * ({@link BrainLoop#offer}). There it must not wait, so it only {@link MqttLink#tryPublish tries}; what cannot go at
 * once is deferred, in order, to the brain thread, and every later publish goes behind it.
 */
public final class MqttOutbox implements NeuronOutbox {

    /** Payloads go straight from Paho's callback thread to their inbox or event: no extra hand-off per message. */
    private static final Executor CALLBACK_THREAD = Runnable::run;
    /** Publishes between two progress reports (a few tens of milliseconds of work; the report costs a clock read). */
    private static final int PUBLISHES_PER_PROGRESS = 1_000;

    private final MqttLink link;
    private final String node;
    private final Qos neuronQos;
    private final NeuronInboxes inboxes;
    private final BrainLoop brain;
    private final RetainedReader reader;
    private final InputSubscriptions inputs;
    private final Runnable progress;
    /** Publishes since progress was last reported; under the brain's turn only. */
    private int published;
    /** Publishes that could not go out without waiting, oldest first; under the brain's turn only. */
    private final ArrayDeque<OutboundMessage> deferred = new ArrayDeque<>();

    /**
     * @param brain    where a followed neuron's output is posted, and the one thread that may wait for the link
     * @param progress tells the watchdog that the brain thread is working (called on the brain thread)
     */
    public MqttOutbox(MqttLink link, String node, Qos neuronQos, NeuronInboxes inboxes, BrainLoop brain,
                      RetainedReader reader, Runnable progress) {
        this.link = link;
        this.node = node;
        this.neuronQos = neuronQos;
        this.inboxes = inboxes;
        this.brain = brain;
        this.reader = reader;
        this.progress = progress;
        this.inputs = new InputSubscriptions(link, node, CALLBACK_THREAD, inboxes::offer, progress);
    }

    @Override
    public void output(String neuron, int value, long epochMillis) {
        send(Topics.output(neuron), OutputCodec.encode(new Output(value, Instant.ofEpochMilli(epochMillis), node)),
                neuronQos, true);
    }

    @Override
    public void restingOutput(String neuron, long epochMillis) {
        send(Topics.output(neuron), OutputCodec.encode(new Output(0, Instant.ofEpochMilli(epochMillis), node)),
                Qos.AT_MOST_ONCE, true);
    }

    @Override
    public void output(String neuron, int value, long epochMillis, long tick) {
        send(Topics.output(neuron), OutputCodec.encode(new Output(value, Instant.ofEpochMilli(epochMillis), node,
                OptionalLong.of(tick))), neuronQos, true);
    }

    @Override
    public void input(String toNeuron, byte[] payload) {
        send(Topics.input(toNeuron), payload, neuronQos, false);
    }

    @Override
    public void state(String neuron, Map<String, Double> sensors) {
        send(Topics.state(neuron), SensorStateCodec.encode(new SensorState(sensors, Instant.now())), neuronQos, true);
    }

    @Override
    public void inputs(Set<String> hosted, int topologyNeurons) {
        inputs.follow(hosted, topologyNeurons);
    }

    @Override
    public void subscribeOutputs(Collection<String> neurons) {
        // Not no-local: an actuator must also follow a neuron hosted by this same runtime.
        link.subscribe(neurons.stream().map(n -> Subscription.of(Topics.output(n))).toList(), CALLBACK_THREAD,
                m -> brain.post(new BrainEvent.FollowedOutput(Topics.neuronOf(m.topic()), m.payload())));
    }

    @Override
    public void unsubscribeOutputs(Collection<String> neurons) {
        link.unsubscribe(neurons.stream().map(Topics::output).toList());
    }

    @Override
    public Map<String, byte[]> fetchRetained(Collection<String> topics) {
        Map<String, byte[]> found = reader.read(topics);
        progress.run();
        return found;
    }

    /**
     * On the brain thread: publishes (after anything deferred). Elsewhere: publishes only if that needs no wait, else
     * defers it, and everything after it, to the brain thread.
     */
    private void send(String topic, byte[] payload, Qos qos, boolean retained) {
        OutboundMessage message = OutboundMessage.of(topic, payload, qos, retained);
        if (brain.onBrainThread()) {
            flush();
            link.publish(message);
        } else if (!deferred.isEmpty() || !link.tryPublish(message)) {
            if (deferred.isEmpty()) {
                brain.toBrainThread(this::flush);
            }
            deferred.add(message);
        }
        published();
    }

    /** Brain thread: publishes what was deferred, in order (may wait for the link's window, as any publish here). */
    private void flush() {
        while (!deferred.isEmpty()) {
            link.publish(deferred.pollFirst());
        }
    }

    private void published() {
        if (++published == PUBLISHES_PER_PROGRESS) {
            published = 0;
            progress.run();
        }
    }
}
