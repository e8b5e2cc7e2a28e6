package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.codec.OutputCodec;
import io.neuromesh.mqtt.MessageHandler;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;

/** The brain's effects as MQTT traffic on the runtime's link. */
final class MqttOutbox implements Outbox {

    private final MqttLink link;
    private final String node;
    private final Qos inputQos;
    private final Executor inbox;
    private final MessageHandler inputHandler;

    MqttOutbox(MqttLink link, String node, Qos inputQos, Executor inbox, MessageHandler inputHandler) {
        this.link = link;
        this.node = node;
        this.inputQos = inputQos;
        this.inbox = inbox;
        this.inputHandler = inputHandler;
    }

    @Override
    public void output(String neuron, int value, long epochMillis) {
        link.publish(Topics.output(neuron), OutputCodec.output(value, epochMillis, node), Qos.AT_LEAST_ONCE, true);
    }

    @Override
    public void input(String toNeuron, byte[] payload) {
        link.publish(Topics.input(toNeuron), payload, inputQos, false);
    }

    @Override
    public void subscribeInputs(Collection<String> neurons) {
        List<Subscription> subscriptions = new ArrayList<>(neurons.size());
        for (String neuron : neurons) {
            // No-local: inputs this runtime publishes to its own neurons were already delivered in-process.
            subscriptions.add(new Subscription(Topics.input(neuron), Qos.AT_LEAST_ONCE, true));
        }
        link.subscribe(subscriptions, inbox, inputHandler);
    }

    @Override
    public void unsubscribeInputs(Collection<String> neurons) {
        List<String> filters = new ArrayList<>(neurons.size());
        for (String neuron : neurons) {
            filters.add(Topics.input(neuron));
        }
        link.unsubscribe(filters);
    }
}
