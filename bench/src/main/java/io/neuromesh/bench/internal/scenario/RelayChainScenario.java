package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.fleet.BenchFleet;
import io.neuromesh.bench.internal.fleet.Links;
import io.neuromesh.bench.internal.fleet.OutputProbe;
import io.neuromesh.bench.internal.fleet.Topologies;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Floor;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.Scenario;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.bench.internal.stats.Samples;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.mqtt.MqttLink;

import java.time.Duration;
import java.util.List;

/**
 * Ten level neurons r0..r9 alternating over two runtimes (r0, r2, ... on A; r1, r3, ... on B), so every hop crosses
 * the broker. A virtual sensor toggles r0 between 1 and 0; the time until r9's output arrives at an observer covers
 * 11 broker hops (10 neurons plus the observer), so per hop = total / 11.
 */
public final class RelayChainScenario implements Scenario {

    static final int LENGTH = 10;
    static final int HOPS = LENGTH + 1;
    static final String SENSOR = "in";
    /** The target: a hop through the runtime costs at most this much more than the broker's own hop. */
    private static final double TARGET_FACTOR = 1.5;

    /** The sensor toggling r0: 1, 0, 1, ..., each expecting r9 to follow. */
    static Latencies.Steps toggles() {
        byte[][] inputs = {InputCodec.encode(Input.of(SENSOR, 0)), InputCodec.encode(Input.of(SENSOR, 1))};
        return i -> {
            int value = i % 2 == 0 ? 1 : 0;
            return new Latencies.Step(Topics.input("r0"), inputs[value], value);
        };
    }

    @Override
    public String name() {
        return "relay-chain";
    }

    @Override
    public List<ScenarioResult> run(ScenarioContext context) throws Exception {
        Scale scale = context.scale();
        String label = context.broker().label();
        List<String> nodes = List.of("bench-chain-a", "bench-chain-b");
        Samples total;
        try (BenchFleet fleet = new BenchFleet(context.broker().uri(), context.revisions())) {
            fleet.startAll(nodes);
            long rev = context.revisions().next();
            fleet.apply(Topologies.chain(rev, SENSOR, LENGTH, nodes), rev, nodes, Duration.ofSeconds(30));
            try (OutputProbe probe = new OutputProbe(context.broker().uri(), "r" + (LENGTH - 1));
                 MqttLink publisher = Links.connect(context.broker().uri(), "chain-pub")) {
                total = Latencies.measure(publisher, probe, toggles(), scale.chainWarmup(), scale.chainSamples(),
                        scale.latencyTimeout());
            }
        }
        Duration p50 = total.p50().dividedBy(HOPS);
        Duration p99 = total.p99().dividedBy(HOPS);
        context.say("per hop p50 " + Durations.format(p50) + ", end to end p50 " + Durations.format(total.p50()));
        String measured = "end to end (10 neurons + observer = 11 hops) p50 " + Durations.format(total.p50()) + ", p99 "
                + Durations.format(total.p99()) + "; inputs and outputs at QoS 1, compared with the QoS 1 floor";
        Floor floor = context.floors().get(label);
        if (floor == null) {
            return List.of(new ScenarioResult("relay-chain per hop", label, total.size(), p50, p99, null, null,
                    "p50 <= 1.5x floor", Verdict.PRINTED, measured + "; no floor measured on this broker"));
        }
        Duration limit = Duration.ofNanos((long) (floor.qos1P50().toNanos() * TARGET_FACTOR));
        boolean met = p50.compareTo(limit) <= 0;
        String note = met ? measured : measured + "; a hop costs " + Durations.format(p50) + " against the broker's "
                + Durations.format(floor.qos1P50()) + ": the runtime adds " + Durations.format(p50.minus(floor.qos1P50()))
                + " per hop (input decode, brain hand-off, evaluation, publishing the output and the downstream input)";
        return List.of(new ScenarioResult("relay-chain per hop", label, total.size(), p50, p99, null, null,
                "p50 <= 1.5x floor (" + Durations.format(limit) + ")", met ? Verdict.MET : Verdict.MISSED, note));
    }
}
