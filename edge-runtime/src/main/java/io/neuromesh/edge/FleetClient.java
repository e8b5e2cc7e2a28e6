package io.neuromesh.edge;

import io.neuromesh.edge.internal.client.FleetClientImpl;
import io.neuromesh.edge.wire.Inspection;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.PinState;
import io.neuromesh.edge.wire.TopologyResult;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An operator's connection to a fleet: what the {@code neuromesh} CLI uses, usable from Java too. It needs only
 * broker access: it talks to the runtimes through the contract's topics and MQTT 5 request/response.
 *
 * <p>Threading: thread-safe; {@link #watchOutputs} callbacks run on the client's dispatch thread.
 *
 * @since 0.1
 */
public interface FleetClient extends AutoCloseable {

    /** Default time to wait for answers from the fleet. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    /**
     * Connects to the broker.
     *
     * @throws io.neuromesh.mqtt.MqttLinkException when the broker cannot be reached within {@code timeout}
     */
    static FleetClient connect(URI broker, Duration timeout) {
        return FleetClientImpl.connect(broker, timeout);
    }

    /** Publishes {@code {"from":source,"value":value}} to {@code neuron/<neuron>} (QoS 1). */
    void send(String neuron, String source, double value);

    /** Publishes {@code {"fire":true}} to {@code neuron/<neuron>} (QoS 1). */
    void fire(String neuron);

    /**
     * Publishes a topology JSON, retained, to {@code neuromesh/topology} (QoS 1) and waits for the broker's
     * acknowledgement, at most {@link #DEFAULT_TIMEOUT}. Blocks the calling thread for about one broker round trip.
     *
     * @throws io.neuromesh.mqtt.PublishRefusedException when the broker refuses it: the embedded broker refuses an
     *                                                   empty, invalid or not newer topology, with a reason string
     *                                                   that says why (other brokers, such as Mosquitto, have no
     *                                                   such guard)
     * @throws io.neuromesh.mqtt.MqttLinkException       when the broker does not acknowledge it in time
     */
    void publishTopology(byte[] json);

    /**
     * The topology retained on {@code neuromesh/topology} now: subscribes, waits until the broker has delivered its
     * retained message (a round trip through this client's reply topic, since retained messages come first), and
     * unsubscribes. Blocks the calling thread for about one broker round trip.
     *
     * @param timeout how long to wait for the broker
     * @return the retained payload as published, or empty when none is retained
     * @throws io.neuromesh.mqtt.MqttLinkException when the broker does not answer within {@code timeout}
     */
    Optional<byte[]> currentTopology(Duration timeout);

    /**
     * The retained status of every node the broker knows, keyed by node id, as last received. A status that is not
     * valid (see {@link io.neuromesh.edge.wire.NodeStatusCodec}) is skipped and logged at debug level.
     */
    Map<String, NodeStatus> nodes();

    /**
     * Waits until every node in {@code nodes} has reported a result for topology {@code rev}, or the timeout passes.
     * Blocks the calling thread, polling the retained results every 5 ms.
     *
     * @return each node's result, keyed by node id; nodes that did not answer are absent
     */
    Map<String, TopologyResult> awaitTopologyReports(long rev, List<String> nodes, Duration timeout);

    /**
     * The recent events of every online node, merged in time order (the reference's {@code mergeLogs}).
     *
     * @param since   only events at or after this instant ({@link Instant#EPOCH} for all the nodes keep)
     * @param timeout how long to wait for the nodes' answers
     */
    List<FleetEvent> logs(Instant since, Duration timeout);

    /** Asks every node to forget its recent events (the reference's {@code emptyLogs}); returns the nodes that did. */
    List<String> clearLogs(Duration timeout);

    /** The state of one neuron as its host reports it, or empty if no online node hosts it (or none answered). */
    Optional<Inspection> inspect(String neuron, Duration timeout);

    /**
     * Drives a simulated GPIO input of one node (only that node receives the request).
     *
     * @return empty when the node did it; otherwise why not (real GPIO, not a sensor pin, no answer)
     */
    Optional<String> gpioSet(String node, int pin, boolean high, Duration timeout);

    /** Calls {@code consumer} for every output published on {@code neuron/+/output} (retained ones first). */
    void watchOutputs(Consumer<OutputEvent> consumer);

    /** Calls {@code consumer} for every GPIO pin state on {@code neuromesh/nodes/+/gpio/+} (retained ones first). */
    void watchGpio(Consumer<PinEvent> consumer);

    /** Disconnects; idempotent. */
    @Override
    void close();

    /**
     * One event of the merged fleet log.
     *
     * @param at          when it happened on its node (microsecond precision)
     * @param node        the node hosting the neuron
     * @param neuron      the neuron
     * @param kind        input, fired, forced, settled, refractory, output, ignored, rejected, reconfigured or restored
     * @param text        a human line, e.g. {@code x is kicking h1 (value 1, sum 1)}
     */
    record FleetEvent(Instant at, String node, String neuron, String kind, String text) {
    }

    /**
     * A GPIO pin's state as its node reports it; a pin that was closed has no state.
     *
     * @param node  the node
     * @param pin   BCM number, from the topic
     * @param state the pin's state; empty when the pin was closed (its retained state cleared)
     */
    record PinEvent(String node, int pin, Optional<PinState> state) {

        public PinEvent {
            java.util.Objects.requireNonNull(state, "state: must not be null; use Optional.empty() for a closed pin");
        }

        /** False when the pin was closed. */
        public boolean open() {
            return state.isPresent();
        }

        /** The pin's logical state (after active-low); false when closed. */
        public boolean active() {
            return state.map(PinState::active).orElse(false);
        }
    }

    /**
     * An output seen on {@code neuron/<id>/output}.
     *
     * @param neuron   the neuron
     * @param value     0 or 1
     * @param timestamp when its host published it
     * @param node      the host
     * @param retained  true when replayed from the broker's retained store
     */
    record OutputEvent(String neuron, int value, Instant timestamp, String node, boolean retained) {
    }
}
