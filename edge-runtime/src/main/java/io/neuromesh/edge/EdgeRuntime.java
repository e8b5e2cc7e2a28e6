package io.neuromesh.edge;

import io.neuromesh.edge.internal.runtime.EdgeRuntimeImpl;

import java.util.Set;

/**
 * An edge runtime: one MQTT connection hosting every neuron the topology places on this node. It follows the
 * retained topology live, publishes its status (with a Last Will that marks it offline) and its result for every
 * topology message, and answers fleet-wide requests for recent events and neuron state.
 *
 * <p>Threading: all neuron state lives on one "brain" thread per runtime; MQTT callbacks only enqueue onto it.
 * The methods here are thread-safe.
 *
 * @since 0.1
 */
public interface EdgeRuntime extends AutoCloseable {

    /** A builder with the defaults of {@link EdgeConfig}. */
    static EdgeConfig.Builder builder() {
        return new EdgeConfig.Builder();
    }

    /** A runtime for a validated configuration (not started). */
    static EdgeRuntime create(EdgeConfig config) {
        return new EdgeRuntimeImpl(config);
    }

    /** This runtime's configuration. */
    EdgeConfig config();

    /**
     * Connects and returns when the runtime is ready: connected, subscribed to the topology and the fleet requests,
     * and its online status published. It then follows the topology; after a lost connection it reconnects by itself.
     * A broker that is not up yet is retried with the link's reconnect backoff for at most the link's
     * {@link io.neuromesh.mqtt.LinkConfig#startTimeout() start timeout} ({@code neuromesh edge} uses
     * {@link io.neuromesh.mqtt.LinkConfig#START_UNTIL_CLOSED}: a service keeps trying), and every failed attempt is
     * logged at WARN with its plain cause and the next retry delay ({@code node n9: cannot reach the broker at
     * tcp://127.0.0.1:1884 (connection refused); retrying in 2s}), as after a connection loss. Idempotent: on a
     * started runtime it returns at once.
     *
     * <p>Threading: blocks the calling thread; {@link #close()} from another thread ends the wait.
     *
     * @throws io.neuromesh.mqtt.MqttLinkException when the runtime is not ready within the start timeout (the message
     *                                             names the broker and the last failure), or was closed; the runtime
     *                                             is then closed, with no thread left running
     */
    void start();

    /**
     * Completes, with the reason, when the runtime stopped working by itself: another process connected with the same
     * node id and took over its MQTT session. Never completes otherwise.
     */
    java.util.concurrent.CompletionStage<String> failure();

    /** Ids of the neurons hosted here now. */
    Set<String> hostedNeurons();

    /** The rev of the topology running here, 0 before the first one. */
    long rev();

    /** Counters since start. */
    RuntimeStats stats();

    /** Counters of the node's MQTT connection since start (its reconnects: {@code connects() - 1}). */
    io.neuromesh.mqtt.LinkStats linkStats();

    /** Inputs waiting in the hosted neurons' inboxes now. */
    int queue();

    /**
     * Whether the runtime works: connected, and running the retained topology without problem. Asks the brain thread
     * (waits for it): call it from a thread of your own, never from an MQTT callback.
     */
    EdgeHealth health();

    /**
     * Sets who is told each hop's latency (input arrived, output published); replaces the previous one. Takes effect
     * for the next hop; {@link HopListener#NONE} to stop.
     */
    void onHop(HopListener listener);

    /** Publishes an offline status, disconnects cleanly and stops (idempotent). */
    @Override
    void close();

    /** Simulates a crash (drops the connection without DISCONNECT, so the broker publishes the Last Will), then stops. */
    void abort();
}
