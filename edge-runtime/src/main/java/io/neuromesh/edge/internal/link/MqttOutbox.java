package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.brain.BrainEvent;
import io.neuromesh.edge.internal.brain.BrainLoop;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.RetainedQuery;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The brain's neuron traffic as MQTT messages on the runtime's link. Applying a large topology sends a lot through
 * here in one brain task (100,000 subscriptions and resting outputs take seconds); the node's watchdog tells that from
 * a hang by itself (the calls that wait for the broker go through {@code BrokerWaits}, and publishing uses CPU).
 *
 * <p>Called under the brain's turn: on the brain thread, or on Paho's callback thread when an input was handled there
 * ({@link BrainLoop#offer}). There it must not wait, so it only {@link MqttLink#tryPublish tries}; what cannot go at
 * once is deferred, in order, to the brain thread, and every later publish goes behind it.
 */
public final class MqttOutbox implements NeuronOutbox, AutoCloseable {

    /** Payloads go straight from Paho's callback thread to their inbox or event: no extra hand-off per message. */
    private static final Executor CALLBACK_THREAD = Runnable::run;

    private final MqttLink link;
    private final String node;
    private final Qos neuronQos;
    private final NeuronInboxes inboxes;
    private final BrainLoop brain;
    private final RetainedReader reader;
    private final InputSubscriptions inputs;
    /** Publishes that could not go out without waiting, oldest first; under the brain's turn only. */
    private final ArrayDeque<Deferred> deferred = new ArrayDeque<>();

    /** A publish waiting for the brain thread, and the connection it goes on. */
    private record Deferred(MqttLink link, OutboundMessage message) {
    }

    /**
     * @param brain               where a followed neuron's output is posted, and the one thread that may wait for
     *                            the link
     * @param rules               how the neurons' inputs are subscribed (exact filters per connection, the wildcard)
     * @param inputConnectionBack called on an input connection's thread each time one reconnected; must not block
     */
    public MqttOutbox(MqttLink link, String node, Qos neuronQos, NeuronInboxes inboxes, BrainLoop brain,
                      RetainedReader reader, InputFilterRules rules, Runnable inputConnectionBack) {
        this.link = link;
        this.node = node;
        this.neuronQos = neuronQos;
        this.inboxes = inboxes;
        this.brain = brain;
        this.reader = reader;
        this.inputs = new InputSubscriptions(link, node, CALLBACK_THREAD, inboxes::offer, rules,
                inputConnectionBack);
    }

    @Override
    public void output(String neuron, int value, long epochMillis) {
        send(Topics.output(neuron), outputPayload(value, epochMillis), neuronQos, true);
    }

    @Override
    public boolean tryRestingOutput(String neuron, long epochMillis, boolean retained) {
        // QoS 1 and tried, so that the broker's window paces them: 50,000 sent at QoS 0 queued ahead of the node's
        // heartbeats on this connection for seconds, and its peers counted it offline and took its neurons over.
        flush();
        return link.tryPublish(OutboundMessage.of(Topics.output(neuron), outputPayload(0, epochMillis),
                Qos.AT_LEAST_ONCE, retained));
    }

    /** An output of this node's neuron: its value, when it took it, and this node as its source. */
    private byte[] outputPayload(int value, long epochMillis) {
        return OutputCodec.encode(new Output(value, Instant.ofEpochMilli(epochMillis), node));
    }

    @Override
    public void output(String neuron, int value, long epochMillis, long tick) {
        send(Topics.output(neuron), OutputCodec.encode(new Output(value, Instant.ofEpochMilli(epochMillis), node,
                OptionalLong.of(tick))), neuronQos, true);
    }

    @Override
    public void input(String toNeuron, byte[] payload) {
        // On the connection that holds the neuron's filter, if it is hosted here: no-local then keeps the broker from
        // echoing an input this node delivered in-process.
        send(inputs.linkFor(toNeuron), Topics.input(toNeuron), payload, neuronQos, false);
    }

    @Override
    public void state(String neuron, Map<String, Double> sensors) {
        send(Topics.state(neuron), SensorStateCodec.encode(new SensorState(sensors, Instant.now())), neuronQos, true);
    }

    @Override
    public Pending inputs(Set<String> hosted, int topologyNeurons) {
        // On a thread of its own, so that the brain builds the neurons while the broker takes the subscriptions
        // (seconds for 100,000 on Mosquitto or HiveMQ CE); the brain calls nothing else of InputSubscriptions until
        // it has awaited this.
        CompletableFuture<Void> following = onThreadOfItsOwn("subscribe", () -> {
            inputs.follow(hosted, topologyNeurons);
            return null;
        });
        return () -> joined(following);
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
    public RetainedRead fetchRetained(Pending after, RetainedQuery query) {
        CompletableFuture<Map<String, byte[]>> read = onThreadOfItsOwn("restore", () -> {
            after.await();
            return reader.read(query);
        });
        return () -> joined(read);
    }

    private <T> CompletableFuture<T> onThreadOfItsOwn(String job, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().name("neuromesh-" + node + "-" + job).start(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** The result of {@code work}, or what it failed with, unwrapped. */
    private static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /**
     * On the brain thread: publishes (after anything deferred). Elsewhere: publishes only if that needs no wait, else
     * defers it, and everything after it, to the brain thread.
     */
    private void send(String topic, byte[] payload, Qos qos, boolean retained) {
        send(link, topic, payload, qos, retained);
    }

    private void send(MqttLink via, String topic, byte[] payload, Qos qos, boolean retained) {
        OutboundMessage message = OutboundMessage.of(topic, payload, qos, retained);
        if (brain.onBrainThread()) {
            flush();
            via.publish(message);
        } else if (!deferred.isEmpty() || !via.tryPublish(message)) {
            if (deferred.isEmpty()) {
                brain.toBrainThread(this::flush);
            }
            deferred.add(new Deferred(via, message));
        }
    }

    /** Brain thread: publishes what was deferred, in order (may wait for the link's window, as any publish here). */
    private void flush() {
        while (!deferred.isEmpty()) {
            Deferred next = deferred.pollFirst();
            next.link().publish(next.message());
        }
    }

    /** Whether every input connection is connected, its subscriptions restored (true if there is none); any thread. */
    public boolean inputConnectionsUp() {
        return inputs.inputConnectionsUp();
    }

    /** Closes the node's input connections, if it opened any; the link and the reader are the runtime's. */
    @Override
    public void close() {
        inputs.close();
    }
}
