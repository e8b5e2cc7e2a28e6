package io.neuromesh.edge;

import io.neuromesh.edge.internal.tick.ReplayRun;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.topology.Topology;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs recorded inputs through a discrete-time topology ({@code tickMs}) in this process, off the broker, as fast as
 * it can: every neuron runs the same tick engine as on the fleet, so for the rev the fleet ran, the outputs per tick
 * are the fleet's (as long as no input was late and no tick timed out on the fleet). Stateless; thread-safe.
 *
 * @since 0.1
 */
public final class Replay {

    private Replay() {
    }

    /**
     * One recorded input.
     *
     * @param to      the neuron it went to
     * @param input   the input as published (a sensor's value, a user's input, or a fire command)
     * @param arrived when the recorder received it: the source time of an input without {@code ts}
     */
    public record Step(String to, Input input, Instant arrived) {
        public Step {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(arrived, "arrived");
        }

        /** @return when the input happened at its source: its {@code ts}, else when it arrived */
        public Instant sourceTime() {
            return input.sentAt().orElse(arrived);
        }
    }

    /**
     * The fleet's state when the recording started.
     *
     * @param outputs each neuron's retained output (absent: 0)
     * @param sensors per neuron, the last value of each sensor that feeds it (its retained state; absent: none)
     */
    public record Start(Map<String, Integer> outputs, Map<String, Map<String, Double>> sensors) {
        public Start {
            outputs = Map.copyOf(outputs);
            sensors = Map.copyOf(sensors);
        }

        /** Every neuron at rest. */
        public static final Start REST = new Start(Map.of(), Map.of());
    }

    /**
     * An output change in one tick.
     *
     * @param tick   the tick (epoch time / tickMs, rounded down)
     * @param neuron the neuron
     * @param value  its settled output in that tick
     */
    public record TickOutput(long tick, String neuron, int value) {
    }

    /**
     * @param topology a topology with {@code tickMs}
     * @param start    the state to start from
     * @param steps    the recorded inputs, in any order (they run in source-time order)
     * @return every output change, by tick, then neuron id
     * @throws IllegalArgumentException when the topology has no ticks
     */
    public static List<TickOutput> run(Topology topology, Start start, List<Step> steps) {
        if (!topology.isTicked()) {
            throw new IllegalArgumentException("the topology (rev " + topology.rev() + ") has no tickMs: only a"
                    + " discrete-time topology replays tick by tick");
        }
        return ReplayRun.run(topology, start, steps);
    }
}
