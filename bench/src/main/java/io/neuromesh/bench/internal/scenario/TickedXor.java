package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.fleet.Links;
import io.neuromesh.bench.internal.fleet.OutputProbe;
import io.neuromesh.bench.internal.fleet.Topologies;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.bench.internal.stats.Samples;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.Topology;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static io.neuromesh.bench.internal.scenario.SparseScenario.format;
import static io.neuromesh.bench.internal.scenario.SparseScenario.ratio;

/**
 * The sparse scenario's discrete-time row (issue 15): {@code examples/xor-ticked.json} on the three edge processes
 * (tickMs 50; x, h1 on n1, y, h3 on n2, h2, z on n3), driven like the eager XOR rows (one sensor changes per step,
 * so z flips each time) but with each input stamped with its source time ({@code "ts"}, this machine's clock, which
 * the edges share), and timed from the publish to z's settled output at the observer. A sensor's change falls
 * anywhere in a tick, so each step waits the gap plus a random part of a tick: otherwise the pace of the loop would
 * put every input at the same phase of the tick and measure one point of the latency's range only.
 */
final class TickedXor {

    /** The tick of {@code examples/xor-ticked.json}. */
    static final Duration TICK = Duration.ofMillis(50);
    /** Where {@code examples/xor-ticked.json} places each neuron: x and y on different nodes. */
    private static final Map<String, String> PLACEMENT = Map.of("x", "n1", "h1", "n1", "y", "n2", "h3", "n2",
            "h2", "n3", "z", "n3");
    private static final String[] SENSOR = {"x", "y", "x", "y"};
    private static final int[] VALUE = {1, 1, 0, 0};
    private static final int[] Z = {1, 0, 1, 0};
    /** A fixed seed: two runs put their inputs at the same phases. */
    private static final long SEED = 15;

    private TickedXor() {
    }

    /**
     * {@code examples/xor.json} placed and ticked as {@code examples/xor-ticked.json},
     * its nodes renamed by {@code rename}.
     */
    static String topology(long rev, UnaryOperator<String> rename) {
        Topology xor = Topology.parse(Topologies.xor(rev, rename).getBytes(StandardCharsets.UTF_8));
        List<NeuronSpec> neurons = xor.neurons().stream().map(n -> new NeuronSpec(n.id(),
                rename.apply(PLACEMENT.get(n.id())), n.threshold(), n.mode(), n.inputWindow(), n.refractory(),
                n.requires())).toList();
        return new Topology(rev, "bench-xor-ticked", xor.defaults(), xor.nodes(), xor.sensors(), neurons,
                xor.synapses(), xor.actuators(), TICK).toJson();
    }

    /**
     * Publishes the XOR cycle at QoS 0, each input with {@code "ts"} = now, and after each z output pauses
     * {@code gap} plus a random part of a tick. Whole cycles, as the eager rows.
     */
    static Samples measure(URI uri, Duration gap, Scale scale) throws Exception {
        int cycle = SENSOR.length;
        int warmup = (scale.sparseWarmup() + cycle - 1) / cycle * cycle;
        int count = (scale.sparseSamples(gap) + cycle - 1) / cycle * cycle;
        SplittableRandom phase = new SplittableRandom(SEED);
        Samples measured = new Samples();
        try (OutputProbe probe = new OutputProbe(uri, "z");
             MqttLink publisher = Links.connect(uri, "sparse-ticked-pub")) {
            for (int i = 0; i < warmup + count; i++) {
                int step = i % cycle;
                long start = System.nanoTime();
                Input input = new Input(false, "sensor_" + SENSOR[step], VALUE[step],
                        Optional.of(Instant.ofEpochMilli(System.currentTimeMillis())));
                publisher.publish(Topics.input(SENSOR[step]), InputCodec.encode(input), Qos.AT_MOST_ONCE, false);
                long arrived = probe.await(Z[step], scale.latencyTimeout());
                if (i >= warmup) {
                    measured.add(arrived - start);
                }
                Latencies.pause(gap.plusNanos(phase.nextLong(TICK.toNanos())));
            }
        }
        return measured;
    }

    /** The row: p50/p99, and the p50 as a ratio to the eager XOR over 3 nodes of the same gap and to the tick. */
    static ScenarioResult row(ScenarioContext context, Duration gap, Samples ticked, Samples eager) {
        double toEager = ratio(ticked.p50(), eager.p50());
        double toTick = ratio(ticked.p50(), TICK);
        context.say("XOR ticked " + Durations.format(TICK) + ", gap " + Durations.format(gap) + ": p50 "
                + Durations.format(ticked.p50()) + " = " + format(toTick) + " ticks = " + format(toEager)
                + "x the eager XOR over 3 nodes, p99 " + Durations.format(ticked.p99()));
        return new ScenarioResult("sparse xor ticked " + Durations.format(TICK) + ", gap " + Durations.format(gap),
                context.broker().label(), ticked.size(), ticked.p50(), ticked.p99(), toEager, "x eager xor 3 nodes",
                "-", Verdict.PRINTED, "tickMs " + TICK.toMillis() + ", x y h2 z on n1 n2 n3: sensor input with ts"
                + " at a random phase of the tick -> z's settled output at the observer, 3 broker hops; p50 "
                + format(toTick) + " ticks, p99 " + format(ratio(ticked.p99(), TICK)) + " ticks; eager p50 "
                + Durations.format(eager.p50()));
    }
}
