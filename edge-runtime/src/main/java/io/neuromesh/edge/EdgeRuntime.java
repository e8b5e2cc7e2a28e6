package io.neuromesh.edge;

import io.neuromesh.edge.internal.runtime.EdgeRuntimeImpl;

import java.time.Duration;
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

    /** Connects in the background and starts following the topology (idempotent). */
    void start();

    /**
     * Waits until the runtime is connected and has published its online status.
     *
     * @throws io.neuromesh.mqtt.MqttLinkException when that does not happen within {@code timeout}
     */
    void awaitOnline(Duration timeout);

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

    /** Publishes an offline status, disconnects cleanly and stops (idempotent). */
    @Override
    void close();

    /** Simulates a crash (drops the connection without DISCONNECT, so the broker publishes the Last Will), then stops. */
    void abort();
}
