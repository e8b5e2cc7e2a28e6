package io.neuromesh.edge;

import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.SessionMode;
import io.neuromesh.mqtt.presence.PresenceWatcher;
import io.neuromesh.topology.Ids;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Settings of one edge runtime, validated on construction. Build it with {@link EdgeRuntime#builder()}.
 *
 * @param link            the node's MQTT connection (broker, keep-alive of at least 1 s, a fresh-then-persistent session
 *                        whose expiry is how long the broker keeps the node's subscriptions and queued QoS 1 inputs
 *                        while it is away, reconnect, start timeout, ...); the builder names its client
 *                        {@value #CLIENT_ID_PREFIX}{@code <node>}, and the runtime adds its Last Will
 * @param node            this runtime's node id (1–64 of {@code A-Z a-z 0-9 _ -}); neurons with this {@code node} run here
 * @param neuronQos       QoS of the neuron traffic this runtime publishes: inputs to downstream neurons, and its
 *                        neurons' retained outputs and states (QoS 0 trades the guarantees of the README's
 *                        delivery section for throughput)
 * @param eventsPerNeuron recent events kept per neuron for {@code neuromesh logs}
 * @param inboxCapacity   inputs waiting per neuron; beyond it the oldest is dropped (and counted)
 * @param inputFiltersPerConnection exact input subscriptions ({@code neuron/<id>}) per MQTT connection: a node hosting
 *                        more neurons opens input connections {@value #CLIENT_ID_PREFIX}{@code <node>.in1}, ... for
 *                        the rest (Mosquitto adds a client's subscription in time linear in those it holds; brokers
 *                        that limit subscriptions per client need it at or below their limit)
 * @param inputWildcardShare the share of the topology's neurons (above 0, at most 1) from which a node hosting at
 *                        least {@value #WILDCARD_MIN_NEURONS} of them subscribes one {@code neuron/+} instead of an
 *                        exact filter per hosted neuron: it then receives every neuron's inputs, its peers' too (and
 *                        drops those), but subscribing is one filter instead of tens of thousands (seconds of broker
 *                        work). 1: only a node that hosts every neuron (a fleet of one, or its peers are down)
 * @param gpio            how sensors and actuators declared for this node are driven
 * @param heartbeat       how often the node republishes its status with its load (peers watch it)
 * @param offlineAfter    a peer not heard from for this long is considered offline and its movable neurons move
 * @param willHold        a peer's Last Will counts this long after it arrives (its neurons move then), unless this
 *                        node loses the broker meanwhile: a broker that stops publishes every client's Will, and the
 *                        Will then counts once the peer has had {@code offlineAfter} after the reconnect to come back
 * @param handover        on a graceful stop, how long to wait for other nodes to take over this node's movable neurons
 * @param stateDir        the node's own folder (made on first use), where it keeps the last topology it applied
 *                        ({@code topology.json}, exactly as published) and starts from after a restart, so that a
 *                        stray retained topology cannot replace what the fleet runs; empty: nothing is kept (the node
 *                        then relies on the broker alone, see docs/topology.md "One source of truth")
 * @since 0.1
 */
public record EdgeConfig(LinkConfig link, String node, Qos neuronQos, int eventsPerNeuron, int inboxCapacity,
                         int inputFiltersPerConnection, double inputWildcardShare, GpioSetting gpio,
                         Duration heartbeat, Duration offlineAfter,
                         Duration willHold, Duration handover, Optional<Path> stateDir,
                         Optional<HomeAssistant> homeAssistant) {

    /** Ids: the contract's rule ({@link Ids}), so they are always safe inside topic names. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Prefix of a node's MQTT client id; the node id follows. */
    public static final String CLIENT_ID_PREFIX = "neuromesh-node-";
    /** Default QoS of neuron traffic: at least once, so that a short broker restart loses nothing. */
    public static final Qos DEFAULT_NEURON_QOS = Qos.AT_LEAST_ONCE;
    /** Default number of events kept per neuron. */
    public static final int DEFAULT_EVENTS_PER_NEURON = 32;
    /** Default capacity of each neuron's inbox. */
    public static final int DEFAULT_INBOX_CAPACITY = 1_000;
    /** Default number of exact input subscriptions per connection. */
    public static final int DEFAULT_INPUT_FILTERS_PER_CONNECTION = 10_000;
    /**
     * Default share of the topology from which a node subscribes {@code neuron/+}: in a fleet of two each node hosts
     * about half, and then receives twice the inputs it needs; three or more nodes keep exact filters.
     */
    public static final double DEFAULT_INPUT_WILDCARD_SHARE = 0.4;
    /** The fewest hosted neurons for which a node that does not host every neuron subscribes {@code neuron/+}. */
    public static final int WILDCARD_MIN_NEURONS = 1_000;
    /** Default heartbeat interval. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);
    /** Default time without a heartbeat after which a peer counts as offline: three missed heartbeats. */
    public static final Duration DEFAULT_OFFLINE_AFTER = Duration.ofMillis(3_500);
    /** Default hold of a peer's Last Will before it counts (see the README's Failover). */
    public static final Duration DEFAULT_WILL_HOLD = PresenceWatcher.DEFAULT_WILL_HOLD;
    /** Default longest wait for a graceful handover. */
    public static final Duration DEFAULT_HANDOVER = Duration.ofSeconds(5);

    public EdgeConfig {
        if (link == null) {
            throw new IllegalArgumentException("link: must not be null");
        }
        Ids.require("node", node);
        if (neuronQos == null) {
            throw new IllegalArgumentException("neuronQos: must not be null");
        }
        if (link.keepAlive().toSeconds() < 1) {
            throw new IllegalArgumentException("keepAlive: must be at least 1 second, got " + link.keepAlive());
        }
        if (eventsPerNeuron < 1) {
            throw new IllegalArgumentException("eventsPerNeuron: must be >= 1, got " + eventsPerNeuron);
        }
        if (inboxCapacity < 1) {
            throw new IllegalArgumentException("inboxCapacity: must be >= 1, got " + inboxCapacity);
        }
        if (inputFiltersPerConnection < 1) {
            throw new IllegalArgumentException("inputFiltersPerConnection: must be >= 1, got "
                    + inputFiltersPerConnection);
        }
        if (!(inputWildcardShare > 0 && inputWildcardShare <= 1)) {
            throw new IllegalArgumentException("inputWildcardShare: must be above 0 and at most 1 (1: only a node "
                    + "hosting every neuron subscribes neuron/+), got " + inputWildcardShare);
        }
        if (gpio == null) {
            throw new IllegalArgumentException("gpio: must not be null; use GpioSetting.OFF for none");
        }
        if (heartbeat == null || heartbeat.toMillis() < 50) {
            throw new IllegalArgumentException("heartbeat: must be at least 50 ms, got " + heartbeat);
        }
        if (offlineAfter == null || offlineAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("offlineAfter: must be at least two heartbeats (" + heartbeat.multipliedBy(2)
                    + "), got " + offlineAfter);
        }
        if (willHold == null || willHold.isNegative()) {
            throw new IllegalArgumentException("willHold: must be zero or positive, got " + willHold);
        }
        if (handover == null || handover.isNegative()) {
            throw new IllegalArgumentException("handover: must be zero or positive, got " + handover);
        }
        if (stateDir == null) {
            throw new IllegalArgumentException("stateDir: must not be null; use Optional.empty() for none");
        }
        stateDir.filter(dir -> Files.exists(dir) && !Files.isDirectory(dir)).ifPresent(dir -> {
            throw new IllegalArgumentException("stateDir: " + dir + " is a file, not a folder; give a folder");
        });
        if (homeAssistant == null) {
            throw new IllegalArgumentException("homeAssistant: must not be null; use Optional.empty() for off");
        }
    }

    /** The broker address, {@code tcp://host:port}: {@code link().broker()}. */
    public URI broker() {
        return link.broker();
    }

    /**
     * Builder with the defaults above; the link has the defaults of {@link LinkConfig} and a fresh-then-persistent
     * session of {@link LinkConfig#DEFAULT_SESSION_EXPIRY}.
     */
    public static final class Builder {
        private final LinkConfig.Builder link = MqttLink.builder()
                .session(SessionMode.FRESH_THEN_PERSISTENT, LinkConfig.DEFAULT_SESSION_EXPIRY);
        private String node;
        private Qos neuronQos = DEFAULT_NEURON_QOS;
        private int eventsPerNeuron = DEFAULT_EVENTS_PER_NEURON;
        private int inboxCapacity = DEFAULT_INBOX_CAPACITY;
        private int inputFiltersPerConnection = DEFAULT_INPUT_FILTERS_PER_CONNECTION;
        private double inputWildcardShare = DEFAULT_INPUT_WILDCARD_SHARE;
        private GpioSetting gpio = GpioSetting.DEFAULT;
        private Duration heartbeat = DEFAULT_HEARTBEAT;
        private Duration offlineAfter = DEFAULT_OFFLINE_AFTER;
        private Duration willHold = DEFAULT_WILL_HOLD;
        private Duration handover = DEFAULT_HANDOVER;
        private Optional<Path> stateDir = Optional.empty();
        private Optional<HomeAssistant> homeAssistant = Optional.empty();

        Builder() {
        }

        /** This runtime's node id (required). */
        public Builder node(String node) {
            this.node = node;
            return this;
        }

        /** Broker address; {@code host:port} gets {@code tcp://} prepended. */
        public Builder broker(String broker) {
            link.broker(broker);
            return this;
        }

        /** Broker address. */
        public Builder broker(URI broker) {
            link.broker(broker);
            return this;
        }

        /** Any other setting of the node's MQTT link (its client id and Last Will are the runtime's own). */
        public Builder link(Consumer<LinkConfig.Builder> settings) {
            settings.accept(link);
            return this;
        }

        /** QoS of the neuron traffic this runtime publishes (inputs, outputs, states). */
        public Builder neuronQos(Qos qos) {
            this.neuronQos = qos;
            return this;
        }

        /** MQTT keep-alive. */
        public Builder keepAlive(Duration keepAlive) {
            link.keepAlive(keepAlive);
            return this;
        }

        /** Broker-side session lifetime while disconnected. */
        public Builder sessionExpiry(Duration sessionExpiry) {
            link.session(SessionMode.FRESH_THEN_PERSISTENT, sessionExpiry);
            return this;
        }

        /** Events kept per neuron. */
        public Builder eventsPerNeuron(int events) {
            this.eventsPerNeuron = events;
            return this;
        }

        /** Heartbeat interval and the silence after which a peer counts as offline. */
        public Builder heartbeat(Duration interval, Duration offlineAfter) {
            this.heartbeat = interval;
            this.offlineAfter = offlineAfter;
            return this;
        }

        /** How long a peer's Last Will is held before it counts (zero: the fastest failover). */
        public Builder willHold(Duration willHold) {
            this.willHold = willHold;
            return this;
        }

        /** Longest wait for a graceful handover on close. */
        public Builder handover(Duration handover) {
            this.handover = handover;
            return this;
        }

        /** Capacity of each neuron's inbox. */
        public Builder inboxCapacity(int capacity) {
            this.inboxCapacity = capacity;
            return this;
        }

        /** Exact input subscriptions per MQTT connection (default {@value #DEFAULT_INPUT_FILTERS_PER_CONNECTION}). */
        public Builder inputFiltersPerConnection(int filters) {
            this.inputFiltersPerConnection = filters;
            return this;
        }

        /**
         * The share of the topology's neurons from which the node subscribes {@code neuron/+} (default {@value
         * #DEFAULT_INPUT_WILDCARD_SHARE}; 1: only when it hosts every neuron).
         */
        public Builder inputWildcardShare(double share) {
            this.inputWildcardShare = share;
            return this;
        }

        /** The node's own folder, where it keeps its last applied topology (default: none, nothing is kept). */
        public Builder stateDir(Path dir) {
            if (dir == null) {
                throw new IllegalArgumentException("stateDir: must not be null; leave it unset for none");
            }
            this.stateDir = Optional.of(dir);
            return this;
        }

        /** Announces this node's entities to Home Assistant (default: off). */
        public Builder homeAssistant(HomeAssistant settings) {
            if (settings == null) {
                throw new IllegalArgumentException("homeAssistant: must not be null; leave it unset for off");
            }
            this.homeAssistant = Optional.of(settings);
            return this;
        }

        /** How GPIO pins are driven. */
        public Builder gpio(GpioSetting gpio) {
            this.gpio = gpio;
            return this;
        }

        /** The validated configuration. */
        public EdgeConfig config() {
            // The node id first: it makes the client id, whose own message would not say "node".
            Ids.require("node", node);
            return new EdgeConfig(link.clientId(CLIENT_ID_PREFIX + node).config(), node, neuronQos, eventsPerNeuron,
                    inboxCapacity, inputFiltersPerConnection, inputWildcardShare, gpio, heartbeat, offlineAfter,
                    willHold, handover, stateDir, homeAssistant);
        }

        /** A runtime with this configuration (not started). */
        public EdgeRuntime build() {
            return EdgeRuntime.create(config());
        }
    }
}
