package io.neuromesh.edge;

/**
 * Told the latency of each hop through this node: from an input's arrival (the MQTT client handed it to the neuron's
 * inbox) to the neuron's new output being handed to the link for publishing. Inputs that change no output are not
 * hops. Set with {@link EdgeRuntime#onHop(HopListener)}.
 *
 * <p>Threading: called on the hot path, one call at a time, on the runtime's brain thread or, when the input was
 * evaluated as it arrived (the brain was idle), on the MQTT client's callback thread: record and return (no
 * blocking, no I/O).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface HopListener {

    /** No listener. */
    HopListener NONE = nanos -> { };

    /** @param nanos the hop's latency in nanoseconds ({@link System#nanoTime()} differences) */
    void hop(long nanos);
}
