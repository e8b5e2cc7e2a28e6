package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.brain.BrainEvent;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.signal.NeuronInboxes;
import io.neuromesh.edge.wire.Output;
import io.neuromesh.edge.wire.OutputCodec;
import io.neuromesh.edge.wire.SensorState;
import io.neuromesh.edge.wire.SensorStateCodec;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The brain's neuron traffic as MQTT messages on the runtime's link. Applying a large topology sends a lot through
 * here in one brain task (100,000 subscriptions and resting outputs take seconds); the node's watchdog tells that from
 * a hang by itself (the calls that wait for the broker go through {@code BrokerWaits}, and publishing uses CPU).
 */
public final class MqttOutbox implements NeuronOutbox {

    /** Payloads go straight from Paho's callback thread to their inbox or event: no extra hand-off per message. */
    private static final Executor CALLBACK_THREAD = Runnable::run;

    private final MqttLink link;
    private final String node;
    private final Qos neuronQos;
    private final NeuronInboxes inboxes;
    private final Consumer<BrainEvent> brain;
    private final RetainedReader reader;
    private final InputSubscriptions inputs;

    /** @param brain posts a followed neuron's output to the brain thread */
    public MqttOutbox(MqttLink link, String node, Qos neuronQos, NeuronInboxes inboxes, Consumer<BrainEvent> brain,
                      RetainedReader reader) {
        this.link = link;
        this.node = node;
        this.neuronQos = neuronQos;
        this.inboxes = inboxes;
        this.brain = brain;
        this.reader = reader;
        this.inputs = new InputSubscriptions(link, node, CALLBACK_THREAD, inboxes::offer);
    }

    @Override
    public void output(String neuron, int value, long epochMillis) {
        link.publish(Topics.output(neuron), OutputCodec.encode(new Output(value, Instant.ofEpochMilli(epochMillis), node)), neuronQos, true);
    }

    @Override
    public void restingOutput(String neuron, long epochMillis) {
        link.publish(Topics.output(neuron), OutputCodec.encode(new Output(0, Instant.ofEpochMilli(epochMillis), node)),
                Qos.AT_MOST_ONCE, true);
    }

    @Override
    public void output(String neuron, int value, long epochMillis, long tick) {
        link.publish(Topics.output(neuron), OutputCodec.encode(new Output(value, Instant.ofEpochMilli(epochMillis), node,
                OptionalLong.of(tick))), neuronQos, true);
    }

    @Override
    public void input(String toNeuron, byte[] payload) {
        link.publish(Topics.input(toNeuron), payload, neuronQos, false);
    }

    @Override
    public void state(String neuron, Map<String, Double> sensors) {
        link.publish(Topics.state(neuron), SensorStateCodec.encode(new SensorState(sensors, Instant.now())), neuronQos,
                true);
    }

    @Override
    public void inputs(Set<String> hosted, int topologyNeurons) {
        inputs.follow(hosted, topologyNeurons);
    }

    @Override
    public void subscribeOutputs(Collection<String> neurons) {
        // Not no-local: an actuator must also follow a neuron hosted by this same runtime.
        link.subscribe(neurons.stream().map(n -> Subscription.of(Topics.output(n))).toList(), CALLBACK_THREAD,
                m -> brain.accept(new BrainEvent.FollowedOutput(Topics.neuronOf(m.topic()), m.payload())));
    }

    @Override
    public void unsubscribeOutputs(Collection<String> neurons) {
        link.unsubscribe(neurons.stream().map(Topics::output).toList());
    }

    @Override
    public Map<String, byte[]> fetchRetained(Collection<String> topics) {
        return reader.read(topics);
    }
}
