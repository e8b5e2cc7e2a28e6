package io.neuromesh.edge;

import io.neuromesh.edge.internal.client.FleetClientImpl;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.Inspection;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.PinState;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.topology.Topology;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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
        return connect(broker, timeout, link -> { });
    }

    /**
     * Connects to the broker with more link settings, e.g. a user ({@code link -> link.credentials(credentials)})
     * or the CAs trusted on an {@code ssl://} broker ({@code link -> link.tls(tls)}).
     *
     * @param settings applied to the client's link before it connects; its client id stays the client's own
     * @throws io.neuromesh.mqtt.MqttLinkException when the broker cannot be reached within {@code timeout}, or refuses
     *                                             the credentials (saying so)
     * @since 0.2
     */
    static FleetClient connect(URI broker, Duration timeout, Consumer<LinkConfig.Builder> settings) {
        return FleetClientImpl.connect(broker, timeout, settings);
    }

    /** Publishes {@code {"from":source,"value":value}} to {@code neuron/<neuron>} (QoS 1). */
    void send(String neuron, String source, double value);

    /** Publishes {@code {"fire":true}} to {@code neuron/<neuron>} (QoS 1). */
    void fire(String neuron);

    /**
     * Publishes a topology JSON, retained, to {@code neuromesh/topology} (QoS 1) and waits for the broker's
     * acknowledgement, at most {@link #DEFAULT_TIMEOUT} plus one second per started megabyte of JSON (the embedded
     * broker validates the document before it acknowledges: 100,000 neurons are 12 MB). Blocks the calling thread for
     * about one broker round trip.
     *
     * @throws io.neuromesh.mqtt.PublishRefusedException when the broker refuses it: the embedded broker refuses an
     *                                                   empty, invalid or not newer topology, with a reason string
     *                                                   that says why (other brokers, such as Mosquitto, have no
     *                                                   such guard)
     * @throws io.neuromesh.mqtt.MqttLinkException       when the broker does not acknowledge it in time
     */
    default void publishTopology(byte[] json) {
        publishTopology(json, DEFAULT_TIMEOUT.plusSeconds((json.length + 999_999) / 1_000_000));
    }

    /**
     * {@link #publishTopology(byte[])} waiting at most {@code timeout} for the acknowledgement: for a broker that
     * fans a large document out to many nodes on a busy machine (Mosquitto acknowledges once it has queued the copy
     * of each subscriber).
     *
     * @param timeout how long to wait for the reconnect, if needed, and the acknowledgement together; positive
     */
    void publishTopology(byte[] json, Duration timeout);

    /**
     * The fleet's topology now: the statuses, what is retained on {@code neuromesh/topology}, the applied history,
     * and the document of each hash the online nodes run. A round trip proves the broker answers; then, for each
     * hash the online nodes report, it waits up to {@code timeout} for the document with that hash (retained on
     * {@code neuromesh/topology}, or on {@code neuromesh/topology/history/<rev>}). A document that did not arrive is
     * listed in {@link FleetTopology#missing()}. Blocks the calling thread.
     *
     * @throws io.neuromesh.mqtt.MqttLinkException when the broker does not answer within {@code timeout}
     */
    FleetTopology topology(Duration timeout);

    /**
     * The applied history retained on {@code neuromesh/topology/history}. When every online node runs one topology
     * the fleet has recorded it, so the history is waited for up to {@code timeout}; otherwise a round trip through
     * the broker decides that there is none ({@link AppliedHistory#EMPTY}). Blocks the calling thread.
     *
     * @throws io.neuromesh.mqtt.MqttLinkException when the broker, or the history the fleet wrote, does not answer
     *                                             within {@code timeout}
     * @throws IllegalStateException                when what is retained is not a readable history
     */
    AppliedHistory history(Duration timeout);

    /**
     * The document of one applied revision, retained on {@code neuromesh/topology/history/<rev>}, checked against the
     * revision's hash. Blocks the calling thread.
     *
     * @throws io.neuromesh.mqtt.MqttLinkException when it does not arrive within {@code timeout}
     * @throws IllegalStateException                when what is retained is not valid or has another hash
     */
    Topology revision(AppliedHistory.Revision revision, Duration timeout);

    /**
     * The retained status of every node the broker knows, keyed by node id, as last received. A status that is not
     * valid (see {@link io.neuromesh.edge.wire.NodeStatusCodec}) is skipped and logged at debug level. A node's Last
     * Will (dated when it connected) is replaced by the record a peer made when it saw the node go, if there is one
     * ({@code neuromesh/nodes/<peer>/seen/<node>}; {@link NodeStatus#reportedBy()} names the peer). A node whose
     * status says online or leaving but that has not been heard from for longer than its peers allow (what it
     * announces, {@link NodeStatus.Running#offlineAfter()}; else 3.5 of its heartbeat intervals, the default
     * {@code --offline-after}; a retained status counts from its time stamp) is
     * shown as they count it: offline, reason {@link NodeStatus#SILENT}, dated its last status. E.g. the nodes of
     * another site while the bridge is down. One-shot readers call {@link #awaitSilentNodes} first.
     */
    Map<String, NodeStatus> nodes();

    /**
     * Waits up to each node's heartbeatMs + 1 s (at most {@code timeout}; at once when none) for the next status of
     * the nodes whose retained status says {@code "heartbeats":"compact"} (its liveness may be 30 heartbeats old), and
     * of those that look silent, as {@link #awaitSilentNodes} does. Returns the nodes not heard in time that are not
     * silent, sorted: their liveness in {@link #nodes()} is the retained copy's. Blocking.
     */
    Set<String> awaitFreshLiveness(Duration timeout);

    /**
     * Waits up to each node's heartbeatMs + 1 s (at most {@code timeout}; at once when none) for a live status of the
     * nodes {@link #nodes()} would show {@link NodeStatus#SILENT}: a node whose clock runs behind this machine's
     * looks silent from its retained status until its next heartbeat. Blocking.
     *
     * @return the nodes still silent, sorted
     * @since 0.3
     */
    Set<String> awaitSilentNodes(Duration timeout);

    /**
     * Waits until each of {@code nodes} has an outcome for the topology published with {@code rev} and
     * {@code contentHash}: it runs it (its status or result shows that rev and hash), rejected it (a result whose
     * {@code document} is that hash), went offline, or gave no answer within {@code timeout}. Only evidence about
     * this document counts: a result about another document (an earlier publish's, retained) is ignored. Nodes that
     * come online during the wait are reported as {@link RolloutEvent.Kind#JOINED} and are not waited for.
     *
     * @param contentHash the published topology's {@link Topology#contentHash()} (0.3 s or more for 100,000 neurons)
     * @param nodes       the nodes online when it was published
     * @param listener    called on the calling thread with each event, as it arrives
     * @return the outcome of each of {@code nodes}, keyed by node
     */
    Map<String, RolloutEvent> awaitRollout(long rev, String contentHash, Collection<String> nodes, Duration timeout,
                                           Consumer<RolloutEvent> listener);

    /**
     * The recent events of every online node, merged in time order (the reference's {@code mergeLogs}).
     *
     * @param since   only events at or after this instant ({@link Instant#EPOCH} for all the nodes keep)
     * @param timeout how long to wait for the nodes' answers
     * @return the events, and the online nodes that did not answer within {@code timeout}
     */
    FleetLogs logs(Instant since, Duration timeout);

    /** Asks every node to forget its recent events (the reference's {@code emptyLogs}); returns the nodes that did. */
    List<String> clearLogs(Duration timeout);

    /**
     * The state of one neuron as its host reports it.
     *
     * @return empty when no answer came within {@code timeout}: no online node hosts it, or its host did not answer
     */
    Optional<Inspection> inspect(String neuron, Duration timeout);

    /**
     * Drives a simulated GPIO input of one node (only that node receives the request). The request is idempotent and
     * is sent again each time the node announces itself online before answering (e.g. when this client is back
     * from a broker restart before the node is, and the broker kept no session for it).
     *
     * @return empty when the node did it; otherwise why not (real GPIO, not a sensor pin, no answer)
     * @throws io.neuromesh.mqtt.PublishRefusedException when the broker refuses the request: with users on the
     *                                                   broker only an operator may drive pins
     */
    Optional<String> gpioSet(String node, int pin, boolean high, Duration timeout);

    /** Calls {@code consumer} for every output published on {@code neuron/+/output} (retained ones first). */
    void watchOutputs(Consumer<OutputEvent> consumer);

    /** Calls {@code consumer} for every GPIO pin state on {@code neuromesh/nodes/+/gpio/+} (retained ones first). */
    void watchGpio(Consumer<PinEvent> consumer);

    /**
     * Calls {@code consumer} with every message on the neurons' topics ({@code neuron/#}: inputs, outputs, sensor
     * states; retained ones first), on the client's callback thread: hand the work off, do not block it.
     */
    void watchNeurons(Consumer<NeuronMessage> consumer);

    /** Disconnects; idempotent. */
    @Override
    void close();

    /**
     * The answer to a logs request.
     *
     * @param events the events of the nodes that answered, in time order
     * @param silent the nodes online at the request that did not answer in time, sorted
     */
    record FleetLogs(List<FleetEvent> events, List<String> silent) {

        public FleetLogs {
            events = List.copyOf(events);
            silent = List.copyOf(silent);
        }
    }

    /**
     * What one node did with a published topology ({@link #awaitRollout}).
     *
     * @param node    the node
     * @param kind    the outcome, or {@link Kind#JOINED} for a node that came online during the wait
     * @param neurons the neurons it hosts afterwards (applied, rejected) or hosts (joined)
     * @param errors  why it rejected the topology, {@code "<where>: <what>"}; empty otherwise
     */
    record RolloutEvent(String node, Kind kind, List<String> neurons, List<String> errors) {

        public RolloutEvent {
            Objects.requireNonNull(node, "node: must not be null");
            Objects.requireNonNull(kind, "kind: must not be null");
            neurons = List.copyOf(neurons);
            errors = List.copyOf(errors);
        }

        /** What happened. */
        public enum Kind {
            /** It runs the published document. */
            APPLIED,
            /** It answered this document with a rejection, and keeps running what it ran. */
            REJECTED,
            /** It went offline (or started leaving) before it ran the document. */
            WENT_OFFLINE,
            /** Nothing about this document came from it within the timeout. */
            NO_ANSWER,
            /** It came online during the wait; it was not waited for. */
            JOINED
        }
    }

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
            Objects.requireNonNull(state, "state: must not be null; use Optional.empty() for a closed pin");
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
     * @param tick      in a discrete-time topology, the tick whose settled value it is
     */
    record OutputEvent(String neuron, int value, Instant timestamp, String node, boolean retained, OptionalLong tick) {

        /** An output of a topology without ticks. */
        public OutputEvent(String neuron, int value, Instant timestamp, String node, boolean retained) {
            this(neuron, value, timestamp, node, retained, OptionalLong.empty());
        }
    }

    /**
     * A message on a neuron's topics, as it came: {@code neuron/<id>} (an input), {@code neuron/<id>/output} or
     * {@code neuron/<id>/state}; decode it with the codec of its kind ({@code InputCodec}, ...).
     *
     * @param neuron   the neuron of the topic
     * @param kind     which of its topics
     * @param payload  the payload as published
     * @param retained true when replayed from the broker's retained store
     * @param arrived  when this client received it
     */
    record NeuronMessage(String neuron, NeuronTopic kind, byte[] payload, boolean retained, Instant arrived) {
    }

    /** The topics of a neuron. */
    enum NeuronTopic { INPUT, OUTPUT, STATE }
}
