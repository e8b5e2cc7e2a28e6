package io.neuromesh.edge.internal.gpio;

import io.neuromesh.topology.ActuatorSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.Topology;

import java.util.ArrayList;
import java.util.List;

/** The GPIO sensors and actuators a topology declares for one node. */
record NodePins(List<SensorSpec> sensors, List<ActuatorSpec> actuators) {

    static NodePins of(Topology topology, String node) {
        List<SensorSpec> sensors = new ArrayList<>();
        for (SensorSpec s : topology.sensors()) {
            if (!s.isVirtual() && s.gpio().node().equals(node)) {
                sensors.add(s);
            }
        }
        List<ActuatorSpec> actuators = new ArrayList<>();
        for (ActuatorSpec a : topology.actuators()) {
            if (a.node().equals(node)) {
                actuators.add(a);
            }
        }
        return new NodePins(List.copyOf(sensors), List.copyOf(actuators));
    }

    boolean isEmpty() {
        return sensors.isEmpty() && actuators.isEmpty();
    }

    /** Why a node without GPIO ({@code --gpio off}) refuses these pins: one error per pin, where and what. */
    List<String> withoutGpio(Topology topology, String node) {
        List<String> errors = new ArrayList<>();
        sensors.forEach(s -> errors.add("sensors[" + topology.sensors().indexOf(s) + "].node: node " + node
                + " has no GPIO (it runs with --gpio off), so it cannot read pin " + s.gpio().pin()));
        actuators.forEach(a -> errors.add("actuators[" + topology.actuators().indexOf(a) + "].node: node "
                + node + " has no GPIO (it runs with --gpio off), so it cannot drive pin " + a.pin()));
        return errors;
    }
}
