package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.fleet.BenchFleet;
import io.neuromesh.bench.internal.fleet.Topologies;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.Scenario;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.bench.internal.stats.Samples;
import io.neuromesh.topology.Topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Three runtimes in this JVM start from a 3-neuron topology; then a random sparse topology of 10,000 neurons pinned
 * round-robin to them is published, timed until every node's topology result says applied (a node reports it once
 * its neurons run). Each run starts again from the small topology, so every run creates all 10,000 neurons.
 */
public final class ApplyScenario implements Scenario {

    private static final Duration TARGET = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "apply-10k";
    }

    @Override
    public List<ScenarioResult> run(ScenarioContext context) throws Exception {
        Scale scale = context.scale();
        List<String> nodes = List.of("bench-apply-1", "bench-apply-2", "bench-apply-3");
        Samples samples = new Samples();
        int bytes = 0;
        String big = "";
        try (BenchFleet fleet = new BenchFleet(context.broker().uri(), context.revisions())) {
            fleet.startAll(nodes);
            for (int run = 0; run < scale.applyRuns(); run++) {
                long small = context.revisions().next();
                fleet.apply(Topologies.sparse(small, 3, nodes, 0, run), small, nodes, TIMEOUT);
                long rev = context.revisions().next();
                big = Topologies.sparse(rev, scale.applyNeurons(), nodes, 10, run);
                bytes = big.getBytes(StandardCharsets.UTF_8).length;
                Duration took = fleet.apply(big, rev, nodes, TIMEOUT);
                samples.add(took);
                context.say("run " + (run + 1) + ": " + Durations.format(took));
            }
        }
        boolean met = samples.p50().compareTo(TARGET) <= 0;
        String note = String.format(Locale.ROOT, "%,d neurons pinned round-robin to 3 runtimes in this JVM, "
                + "%.1f MB of JSON; from publishing to the last node's applied report", scale.applyNeurons(), bytes / 1e6);
        if (!met) {
            note += "; parsing and validating the document takes " + Durations.format(parseTime(big))
                    + " here, the rest is each node building, subscribing and restoring its neurons before it reports";
        }
        return List.of(new ScenarioResult("apply-10k", context.broker().label(), samples.size(), samples.p50(),
                samples.p99(), null, null, "p50 <= 2 s", met ? Verdict.MET : Verdict.MISSED, note));
    }

    /** How long {@link Topology#parse} takes for {@code json} in this JVM, once warm (the second of two parses). */
    private static Duration parseTime(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Topology.parse(bytes);
        long start = System.nanoTime();
        Topology.parse(bytes);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
