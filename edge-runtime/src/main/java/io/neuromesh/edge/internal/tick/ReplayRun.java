package io.neuromesh.edge.internal.tick;

import io.neuromesh.edge.Replay;
import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyIndex;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Replay} inside: one {@link TickedNetwork} that hosts every neuron, a clock that jumps from one recorded input
 * to the next (a heartbeat before each completes every earlier tick), and a last jump past the final tick, its grace
 * and every refractory period, so that every tick the inputs started completes.
 */
public final class ReplayRun {

    private static final int EVENTS = 16;

    private ReplayRun() {
    }

    public static List<Replay.TickOutput> run(Topology topology, Replay.Start start, List<Replay.Step> steps) {
        TickTime time = TickTime.of(topology.tick());
        List<Replay.TickOutput> outputs = new ArrayList<>();
        TickedNetwork network = new TickedNetwork(time, new TickedNetwork.Sink() {
            @Override
            public void output(String neuron, int value, long tick) {
                outputs.add(new Replay.TickOutput(tick, neuron, value));
            }

            @Override
            public void send(String to, String from, long tick, double value) {
                // Every neuron is hosted here: the network delivers in-process; nothing goes anywhere else.
            }

            @Override
            public void applied(String neuron, long tick) {
                // Nothing keeps sensor state here: the replay (or test) holds every neuron.
            }

            @Override
            public void gaveUp(String neuron, long tick, List<String> upstream) {
                // Nothing is remote, so nothing can be silent.
            }
        });
        List<Replay.Step> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparing(Replay.Step::sourceTime));
        long now = ordered.isEmpty() ? 0 : micros(ordered.getFirst());
        host(topology.index(), start, network, now);
        Duration longest = Duration.ZERO;
        for (NeuronSpec spec : topology.neurons()) {
            longest = longest.compareTo(spec.refractory()) >= 0 ? longest : spec.refractory();
        }
        for (Replay.Step step : ordered) {
            now = Math.max(now, micros(step));
            network.heartbeat(now);
            if (step.input().fire()) {
                network.fire(step.to(), now);
            } else if (!step.input().isProgress()) {
                long source = micros(step);
                network.input(step.to(), step.input().from(), step.input().value(), time.tickOf(source), source, now);
            }
        }
        long end = time.closesAt(time.tickOf(now) + 2 + longest.dividedBy(time.length())) + 1;
        network.heartbeat(end);
        outputs.sort(Comparator.comparingLong(Replay.TickOutput::tick).thenComparing(Replay.TickOutput::neuron));
        return List.copyOf(outputs);
    }

    /** Every neuron, restored to the start state: its upstream neurons' outputs and its sensors' values. */
    private static void host(TopologyIndex index, Replay.Start start, TickedNetwork network, long now) {
        for (NeuronSpec spec : index.topology().neurons()) {
            Map<String, Double> inputs = new HashMap<>(start.sensors().getOrDefault(spec.id(), Map.of()));
            for (SynapseSpec synapse : index.incoming(spec.id())) {
                if (index.isNeuron(synapse.from())) {
                    inputs.put(synapse.from(), (double) start.outputs().getOrDefault(synapse.from(), 0));
                }
            }
            Neuron neuron = new Neuron(spec.id(), spec.mode(), spec.threshold(), spec.inputWindow(), spec.refractory(),
                    index.weights(spec.id()), EVENTS);
            neuron.restore(inputs, now);
            network.host(neuron, index, now);
        }
    }

    private static long micros(Replay.Step step) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, step.sourceTime());
    }
}
