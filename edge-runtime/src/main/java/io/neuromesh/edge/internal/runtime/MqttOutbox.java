package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.codec.OutputCodec;
import io.neuromesh.mqtt.MessageHandler;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Executor;

/** The brain's effects as MQTT traffic on the runtime's link. */
final class MqttOutbox implements Outbox {

    /** Input payloads go straight from Paho's callback thread into the neuron's inbox: no hand-off per message. */
    private static final Executor CALLBACK_THREAD = Runnable::run;

    private final MqttLink link;
    private final String node;
    private final Qos neuronQos;
    private final Executor brain;
    private final NeuronInboxes inboxes;
    private final MessageHandler outputHandler;
    private final RetainedReader reader;

    MqttOutbox(MqttLink link, String node, Qos neuronQos, Executor brain, NeuronInboxes inboxes,
               MessageHandler outputHandler, RetainedReader reader) {
        this.link = link;
        this.node = node;
        this.neuronQos = neuronQos;
        this.brain = brain;
        this.inboxes = inboxes;
        this.outputHandler = outputHandler;
        this.reader = reader;
    }

    @Override
    public void output(String neuron, int value, long epochMillis) {
        link.publish(Topics.output(neuron), OutputCodec.output(value, epochMillis, node), neuronQos, true);
    }

    @Override
    public void input(String toNeuron, byte[] payload) {
        link.publish(Topics.input(toNeuron), payload, neuronQos, false);
    }

    @Override
    public void state(String neuron, byte[] payload) {
        link.publish(Topics.state(neuron), payload, neuronQos, true);
    }

    @Override
    public void subscribeInputs(Collection<String> neurons) {
        // No-local: inputs this runtime publishes to its own neurons were already delivered in-process.
        link.subscribe(neurons.stream().map(n -> new Subscription(Topics.input(n), Qos.AT_LEAST_ONCE, true)).toList(),
                CALLBACK_THREAD, inboxes::offer);
    }

    @Override
    public void unsubscribeInputs(Collection<String> neurons) {
        link.unsubscribe(neurons.stream().map(Topics::input).toList());
    }

    @Override
    public void subscribeOutputs(Collection<String> neurons) {
        // Not no-local: an actuator must also follow a neuron hosted by this same runtime.
        link.subscribe(neurons.stream().map(n -> Subscription.of(Topics.output(n))).toList(), brain, outputHandler);
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
