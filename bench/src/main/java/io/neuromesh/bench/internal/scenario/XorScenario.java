package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.fleet.BenchFleet;
import io.neuromesh.bench.internal.fleet.Links;
import io.neuromesh.bench.internal.fleet.OutputProbe;
import io.neuromesh.bench.internal.fleet.Topologies;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.Scenario;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.bench.internal.stats.Samples;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.mqtt.MqttLink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code examples/xor.json} as pinned there (x y on n1, h1 h2 on n2, h3 z on n3), three runtimes in this JVM. The
 * virtual sensors walk the cycle (0,0) -> (1,0) -> (1,1) -> (0,1) -> (0,0), one sensor change per step, so z flips
 * at every step; each step is timed from publishing the sensor input to z's new output arriving at an observer.
 */
public final class XorScenario implements Scenario {

    private static final Duration P50_TARGET = Duration.ofMillis(2);
    private static final Duration P99_TARGET = Duration.ofMillis(10);
    /** The cycle: which sensor changes, to what, and z afterwards. */
    private static final String[] NEURON = {"x", "y", "x", "y"};
    private static final int[] VALUE = {1, 1, 0, 0};
    private static final int[] Z = {1, 0, 1, 0};

    /** The steps of the cycle, in order: each changes one sensor and flips z. */
    static List<Latencies.Step> cycle() {
        List<Latencies.Step> cycle = new ArrayList<>();
        for (int i = 0; i < NEURON.length; i++) {
            cycle.add(new Latencies.Step(Topics.input(NEURON[i]),
                    InputCodec.encode(Input.of("sensor_" + NEURON[i], VALUE[i])), Z[i]));
        }
        return cycle;
    }

    @Override
    public String name() {
        return "xor";
    }

    @Override
    public List<ScenarioResult> run(ScenarioContext context) throws Exception {
        Scale scale = context.scale();
        String prefix = "bench-";
        List<String> nodes = List.of(prefix + "n1", prefix + "n2", prefix + "n3");
        Samples samples;
        try (BenchFleet fleet = new BenchFleet(context.broker().uri(), context.revisions())) {
            fleet.startAll(nodes);
            long rev = context.revisions().next();
            fleet.apply(Topologies.xor(rev, prefix), rev, nodes, Duration.ofSeconds(30));
            List<Latencies.Step> cycle = cycle();
            try (OutputProbe probe = new OutputProbe(context.broker().uri(), "z");
                 MqttLink publisher = Links.connect(context.broker().uri(), "xor-pub")) {
                samples = Latencies.measure(publisher, probe, i -> cycle.get(i % cycle.size()), scale.xorWarmup(),
                        scale.xorSamples(), scale.latencyTimeout());
            }
        }
        context.say("sensor -> z p50 " + Durations.format(samples.p50()) + ", p99 " + Durations.format(samples.p99()));
        boolean met = samples.p50().compareTo(P50_TARGET) <= 0 && samples.p99().compareTo(P99_TARGET) <= 0;
        String note = "3 runtimes in this JVM; sensor input (QoS 1) -> x|y -> h1..h3 -> z -> observer: 4 broker hops";
        if (!met) {
            note += "; 4 hops at " + Durations.format(samples.p50().dividedBy(4))
                    + " each at the median, see the relay-chain row for the cost of one hop";
        }
        return List.of(new ScenarioResult("xor sensor->z", context.broker().label(), samples.size(), samples.p50(),
                samples.p99(), null, null, "p50 <= 2 ms, p99 <= 10 ms", met ? Verdict.MET : Verdict.MISSED, note));
    }
}
