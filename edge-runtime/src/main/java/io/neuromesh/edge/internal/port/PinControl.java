package io.neuromesh.edge.internal.port;

import io.neuromesh.gpio.DigitalInputPin;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.Topology;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The node's GPIO as the brain sees it. Brain thread only. */
public interface PinControl extends AutoCloseable {

    /** A sensor and its value now (its topology's value mapping applied). */
    record Reading(SensorSpec sensor, double value) {
    }

    /**
     * What a reconcile did.
     *
     * @param errors   why it was refused (empty when applied; then nothing changed)
     * @param opened   the sensors opened, with their value now, to announce
     * @param followed the neurons whose outputs drive an actuator of this node now
     */
    record Reconciled(List<String> errors, List<Reading> opened, Set<String> followed) {
        public Reconciled {
            errors = List.copyOf(errors);
            opened = List.copyOf(opened);
            followed = Collections.unmodifiableSet(new LinkedHashSet<>(followed));
        }

        public boolean refused() {
            return !errors.isEmpty();
        }
    }

    /** Makes the open pins match {@code topology}, all or nothing. */
    Reconciled reconcile(Topology topology);

    /** A pin edge (posted from a GPIO thread): the sensor's reading, empty if that pin was closed since. */
    Optional<Reading> edge(String sensor, DigitalInputPin pin, boolean active);

    /** A followed neuron's output changed: drive its actuators (not those at their fail-safe level). */
    void neuronOutput(String neuron, int value);

    /** The node lost the broker: each actuator goes to its fail-safe level once its timeout passes. */
    void brokerLost();

    /** The node is connected (again): actuators at their fail-safe level follow their neurons' latest outputs. */
    void brokerBack();

    /** Drives a simulated input pin; empty on success, else why it was refused. */
    Optional<String> simulate(int pin, boolean high);

    /** Closes every pin. */
    @Override
    void close();
}
