package io.neuromesh.edge.internal.brain;

import io.neuromesh.edge.internal.signal.NeuronInbox;
import io.neuromesh.edge.internal.truth.RetainedTopology;
import io.neuromesh.gpio.DigitalInputPin;
import io.neuromesh.mqtt.InboundMessage;

import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;

/**
 * Everything another thread hands the brain thread. {@link Brain#handle} takes them one at a time, in the order they
 * were posted, so the order of events is explicit and a test can replay any sequence.
 */
public sealed interface BrainEvent {

    /** The link connected (or reconnected): announce the status, then complete {@code announced}. */
    record Connected(CompletableFuture<Void> announced) implements BrainEvent {
    }

    /** The link lost the broker; it keeps reconnecting ({@link Connected} follows when it is back). */
    record Disconnected() implements BrainEvent {
    }

    /**
     * A topology message arrived (possibly empty: the retained topology was cleared), already read: parsing and hashing
     * 100,000 neurons takes seconds, which must not hold up the brain (its watchdog would take it for a hang).
     */
    record TopologyArrived(RetainedTopology topology) implements BrainEvent {
    }

    /** The fleet's applied history arrived on {@code neuromesh/topology/history} (possibly empty: cleared). */
    record HistoryArrived(byte[] payload) implements BrainEvent {
    }

    /** The set of online nodes changed, or is known for the first time. */
    record MembershipChanged(SortedSet<String> online) implements BrainEvent {
    }

    /** A peer reported its status: a neuron being handed over may now be hosted there. */
    record PeersReported() implements BrainEvent {
    }

    /** A virtual sensor was set from outside (a Home Assistant switch): feed its value to the neurons it feeds. */
    record VirtualSensorSet(String sensor, double value) implements BrainEvent {
    }

    /**
     * A GPIO input pin changed (posted by the pin's listener thread), at {@code atMicros} (epoch microseconds, the
     * brain's clock, read in the listener: a discrete-time topology puts the change in the tick in which it happened,
     * not the one in which a busy brain got to it).
     */
    record SensorChanged(String sensor, DigitalInputPin pin, boolean active, long atMicros) implements BrainEvent {
    }

    /**
     * A neuron's inbox has inputs waiting. Posted once per batch, not per input: the inbox is drained on the brain
     * thread, so an input costs no hand-off beyond today's one wake-up per burst.
     */
    record InputsWaiting(NeuronInbox inbox) implements BrainEvent {
    }

    /** A followed neuron's retained output arrived (it drives an actuator here). */
    record FollowedOutput(String neuron, byte[] payload) implements BrainEvent {
    }

    /** A control request: {@code neuromesh logs}, {@code inspect}, {@code logs --clear}, {@code gpio set}. */
    record RequestArrived(Request kind, InboundMessage message) implements BrainEvent {
    }

    /** The kinds of control request. */
    enum Request { LOGS, INSPECT, CLEAR_LOGS, GPIO_SET }

    /** A question from an API thread (hosted neurons, rev) or a lifecycle step, answered on the brain thread. */
    record Query(FutureTask<?> task) implements BrainEvent {
    }
}
