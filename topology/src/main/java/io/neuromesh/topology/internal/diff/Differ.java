package io.neuromesh.topology.internal.diff;

import io.neuromesh.topology.ActuatorSpec;
import io.neuromesh.topology.Change;
import io.neuromesh.topology.Changes;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.NodeSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyDiff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Matches elements of two topologies by key and sorts them into added, removed and changed. */
public final class Differ {

    private Differ() {
    }

    /** @return the diff; {@code before} may be null (nothing before) */
    public static TopologyDiff between(Topology before, Topology after) {
        Duration tickBefore = before == null ? Duration.ZERO : before.tick();
        return new TopologyDiff(tickBefore.equals(after.tick()) ? Optional.empty()
                        : Optional.of(new Change<>(tickBefore, after.tick())),
                compare(before == null ? List.of() : before.nodes(), after.nodes(), NodeSpec::id),
                compare(before == null ? List.of() : before.sensors(), after.sensors(), SensorSpec::id),
                compare(before == null ? List.of() : before.neurons(), after.neurons(), NeuronSpec::id),
                compare(before == null ? List.of() : before.synapses(), after.synapses(), SynapseKey::of),
                compare(before == null ? List.of() : before.actuators(), after.actuators(), ActuatorSpec::id));
    }

    /** A synapse's key: one synapse per pair. */
    private record SynapseKey(String from, String to) {
        static SynapseKey of(SynapseSpec synapse) {
            return new SynapseKey(synapse.from(), synapse.to());
        }
    }

    private static <T> Changes<T> compare(List<T> before, List<T> after, Function<T, Object> key) {
        if (sameKeysInOrder(before, after, key)) {
            // The usual case, a file edited in place: element i is element i (keys are unique in a valid topology),
            // so nothing is added or removed and no table is needed (the tables took a second for 100,000 neurons).
            List<Change<T>> changed = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                if (!before.get(i).equals(after.get(i))) {
                    changed.add(new Change<>(before.get(i), after.get(i)));
                }
            }
            return new Changes<>(List.of(), List.of(), changed);
        }
        Map<Object, T> old = HashMap.newHashMap(before.size());
        for (T element : before) {
            old.put(key.apply(element), element);
        }
        List<T> added = new ArrayList<>();
        List<Change<T>> changed = new ArrayList<>();
        Map<Object, T> kept = HashMap.newHashMap(after.size());
        for (T element : after) {
            Object k = key.apply(element);
            kept.put(k, element);
            T previous = old.get(k);
            if (previous == null) {
                added.add(element);
            } else if (!previous.equals(element)) {
                changed.add(new Change<>(previous, element));
            }
        }
        List<T> removed = new ArrayList<>();
        for (T element : before) {
            if (!kept.containsKey(key.apply(element))) {
                removed.add(element);
            }
        }
        return new Changes<>(added, removed, changed);
    }

    private static <T> boolean sameKeysInOrder(List<T> before, List<T> after, Function<T, Object> key) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < after.size(); i++) {
            if (!key.apply(before.get(i)).equals(key.apply(after.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
