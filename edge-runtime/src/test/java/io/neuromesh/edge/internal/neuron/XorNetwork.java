package io.neuromesh.edge.internal.neuron;

import io.neuromesh.topology.NeuronMode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference XOR network (x, y, h1, h2, h3, z) built from {@link Neuron}s, with message delivery left to the test. */
final class XorNetwork {

    /** A message in flight: {@code value} from {@code from} to {@code to}. */
    record Message(String from, String to, double value) {
    }

    static final Map<String, List<String>> DOWNSTREAM = Map.of(
            "x", List.of("h1", "h2"), "y", List.of("h2", "h3"),
            "h1", List.of("z"), "h2", List.of("z"), "h3", List.of("z"), "z", List.of());

    final Map<String, Neuron> neurons = new LinkedHashMap<>();

    XorNetwork(NeuronMode mode) {
        Duration window = Duration.ofMillis(500);
        Duration refractory = Duration.ofMillis(100);
        neurons.put("x", new Neuron("x", mode, 0.9, window, refractory, Map.of("sensor_x", 1.0), 64));
        neurons.put("y", new Neuron("y", mode, 0.9, window, refractory, Map.of("sensor_y", 1.0), 64));
        neurons.put("h1", new Neuron("h1", mode, 0.9, window, refractory, Map.of("x", 1.0), 64));
        neurons.put("h2", new Neuron("h2", mode, 1.9, window, refractory, Map.of("x", 1.0, "y", 1.0), 64));
        neurons.put("h3", new Neuron("h3", mode, 0.9, window, refractory, Map.of("y", 1.0), 64));
        neurons.put("z", new Neuron("z", mode, 0.9, window, refractory,
                Map.of("h1", 1.0, "h2", -2.0, "h3", 1.0), 64));
    }

    Neuron get(String id) {
        return neurons.get(id);
    }

    /** Delivers one message and returns the messages its outcome sends downstream. */
    List<Message> deliver(Message message, long now) {
        Neuron target = neurons.get(message.to());
        Neuron.Outcome outcome = target.onInput(message.from(), message.value(), now);
        return downstream(target, outcome);
    }

    List<Message> downstream(Neuron neuron, Neuron.Outcome outcome) {
        List<Message> out = new ArrayList<>();
        if (outcome == Neuron.Outcome.OUTPUT_CHANGED || outcome == Neuron.Outcome.FIRED) {
            for (String next : DOWNSTREAM.get(neuron.id())) {
                out.add(new Message(neuron.id(), next, neuron.output()));
            }
        }
        return out;
    }
}
