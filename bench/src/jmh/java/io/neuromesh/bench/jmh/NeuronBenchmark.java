package io.neuromesh.bench.jmh;

import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.topology.NeuronMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code Neuron.onInput}: the evaluation every input costs on the brain thread. A level neuron with three sources
 * whose output flips on every other input, and a spike neuron whose inputs alternate between firing it and arriving
 * while it is refractory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NeuronBenchmark {

    private static final Map<String, Double> WEIGHTS = Map.of("h1", 1.0, "h2", -2.0, "h3", 1.0);
    private static final int EVENTS = 32;

    private Neuron level;
    private Neuron spike;
    private long now;
    private int step;

    @Setup
    public void setUp() {
        level = new Neuron("z", NeuronMode.LEVEL, 0.9, Duration.ofMillis(500), Duration.ofMillis(100), WEIGHTS, EVENTS);
        spike = new Neuron("z", NeuronMode.SPIKE, 0.9, Duration.ofMillis(500), Duration.ofMillis(100), WEIGHTS, EVENTS);
        now = 1_700_000_000_000_000L;
    }

    @Benchmark
    public Neuron.Outcome levelInput() {
        step++;
        return level.onInput("h1", step & 1, now += 100);
    }

    @Benchmark
    public Neuron.Outcome spikeInput() {
        step++;
        // 60 ms apart: every other input lands after the 100 ms refractory period and fires again.
        Neuron.Outcome outcome = spike.onInput("h1", 1, now += 60_000);
        spike.tick(now);
        return outcome;
    }
}
