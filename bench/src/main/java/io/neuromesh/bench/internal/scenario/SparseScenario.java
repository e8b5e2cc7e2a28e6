package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.Bench;
import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.child.EdgeProcesses;
import io.neuromesh.bench.internal.fleet.BenchFleet;
import io.neuromesh.bench.internal.fleet.Links;
import io.neuromesh.bench.internal.fleet.OutputProbe;
import io.neuromesh.bench.internal.fleet.Topologies;
import io.neuromesh.bench.internal.machine.ProcStats;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.Scenario;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.bench.internal.stats.Samples;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongFunction;

/**
 * Sparse traffic, as a fleet sees it: three {@code neuromesh edge} processes (QoS 0, no worker), one input at a time
 * with a pause (the gap) after each output arrived, so that every hop starts from parked threads. Per gap, on one
 * broker and with one driver (the bench's MQTT client): the one-hop floor (publish -> subscriber, same gap), XOR over
 * the 3 nodes as {@code examples/xor.json} places it (4 broker hops), XOR with every neuron on one node (2 hops) and
 * a chain of 10 over 2 nodes (11 hops), and XOR with ticks ({@link TickedXor}). Then each edge process's CPU and
 * RSS at idle with the XOR network, and its CPU while the first gap's XOR ran. With
 * {@link ScenarioContext#idleNeurons()} set, last the chain of 10 on one node, alone and with that many idle neurons
 * hosted beside it (issue 14: within 1.5x of the chain alone).
 */
public final class SparseScenario implements Scenario {

    private static final List<String> NODES = List.of("bench-sparse-n1", "bench-sparse-n2", "bench-sparse-n3");
    private static final List<String> EDGE_ARGS = List.of("--no-worker", "--handover", "0s", "--qos", "0", "--gpio",
            "off");
    private static final List<Latencies.Step> XOR_CYCLE = XorScenario.cycle();
    private static final Latencies.Steps XOR = i -> XOR_CYCLE.get(i % XOR_CYCLE.size());
    private static final Duration APPLY = Duration.ofSeconds(30);
    /** A topology of 100,000 neurons takes tens of seconds to apply on a loaded machine. */
    private static final Duration APPLY_IDLE = Duration.ofMinutes(3);
    /** Targets of issue 14: ratios to the floor measured in the same run, and p99 against p50. */
    private static final double HOPS_FACTOR = 1.5;
    private static final double TAIL_FACTOR = 3;
    private static final Duration NODE_RED_XOR = Duration.ofMillis(1600);
    /** Idle: after the last input, let timers and GC settle, then count CPU over a window long enough for 10 ms ticks. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(10);

    @Override
    public String name() {
        return Bench.SPARSE;
    }

    @Override
    public List<ScenarioResult> run(ScenarioContext context) throws Exception {
        Scale scale = context.scale();
        URI uri = context.broker().uri();
        List<ScenarioResult> rows = new ArrayList<>();
        Map<Duration, Samples> floors = new LinkedHashMap<>();
        for (Duration gap : context.gaps()) {
            Samples floor = floor(uri, gap, scale);
            floors.put(gap, floor);
            context.say("gap " + Durations.format(gap) + ": one hop p50 " + Durations.format(floor.p50()) + ", p99 "
                    + Durations.format(floor.p99()));
            rows.add(new ScenarioResult("sparse floor 1 hop, gap " + Durations.format(gap), context.broker().label(),
                    floor.size(), floor.p50(), floor.p99(), null, null, "-", Verdict.PRINTED,
                    "QoS 0, publish call to the subscriber's MQTT thread, one message then the gap"));
        }
        Map<String, ProcStats> before = new LinkedHashMap<>();
        Map<String, ProcStats> after = new LinkedHashMap<>();
        Duration loaded;
        try (EdgeProcesses edges = EdgeProcesses.start(uri, NODES, EDGE_ARGS, context.edgeMainClass());
             BenchFleet fleet = new BenchFleet(uri, context.revisions())) {
            context.say("edges: " + EdgeProcesses.how(context.edgeMainClass()) + " " + String.join(" ", EDGE_ARGS)
                    + ", pids " + edges.pids().values());
            apply(context, fleet, rev -> Topologies.xor(rev, node -> "bench-sparse-" + node));
            long loadStart = System.nanoTime();
            stats(edges, before);
            Samples xor3 = null;
            Map<Duration, Samples> eager = new LinkedHashMap<>();
            for (Duration gap : context.gaps()) {
                Samples xor = measure(uri, "z", XOR, gap, scale, 4);
                eager.put(gap, xor);
                if (xor3 == null) {
                    xor3 = xor;
                    stats(edges, after);
                }
                rows.add(xorThreeNodes(context, gap, xor, floors.get(gap)));
            }
            loaded = Duration.ofNanos(System.nanoTime() - loadStart);
            rows.addAll(idle(context, edges, before, after, loaded));
            apply(context, fleet, rev -> Topologies.xor(rev, node -> NODES.getFirst()));
            for (Duration gap : context.gaps()) {
                Samples xor = measure(uri, "z", XOR, gap, scale, 4);
                rows.add(xorOneNode(context, gap, xor, floors.get(gap)));
            }
            apply(context, fleet, rev -> Topologies.chain(rev, RelayChainScenario.SENSOR, RelayChainScenario.LENGTH,
                    NODES.subList(0, 2)));
            for (Duration gap : context.gaps()) {
                Samples chain = measure(uri, "r" + (RelayChainScenario.LENGTH - 1), RelayChainScenario.toggles(), gap,
                        scale, 2);
                rows.add(chain(context, gap, chain, floors.get(gap)));
            }
            apply(context, fleet, rev -> TickedXor.topology(rev, node -> "bench-sparse-" + node));
            for (Duration gap : context.gaps()) {
                rows.add(TickedXor.row(context, gap, TickedXor.measure(uri, gap, scale), eager.get(gap)));
            }
            if (context.idleNeurons() > 0) {
                rows.addAll(idleNeighbours(context, edges, fleet));
            }
        }
        return rows;
    }

    /**
     * The chain of 10 on one node, alone and then with {@link ScenarioContext#idleNeurons()} idle neurons hosted beside
     * it: p50 and p99 of each (2 broker hops end to end), the second as a ratio of the first, and the node's RSS.
     */
    private static List<ScenarioResult> idleNeighbours(ScenarioContext context, EdgeProcesses edges, BenchFleet fleet)
            throws Exception {
        String node = NODES.getFirst();
        int idle = context.idleNeurons();
        List<ScenarioResult> rows = new ArrayList<>();
        Map<Duration, Samples> alone = new LinkedHashMap<>();
        apply(context, fleet, rev -> Topologies.chain(rev, RelayChainScenario.SENSOR, RelayChainScenario.LENGTH,
                List.of(node), 0), APPLY);
        for (Duration gap : context.gaps()) {
            alone.put(gap, measure(context.broker().uri(), "r" + (RelayChainScenario.LENGTH - 1),
                    RelayChainScenario.toggles(), gap, context.scale(), 2));
        }
        long aloneRss = ProcStats.of(edges.pids().get(node)).rssBytes();
        long start = System.nanoTime();
        apply(context, fleet, rev -> Topologies.chain(rev, RelayChainScenario.SENSOR, RelayChainScenario.LENGTH,
                List.of(node), idle), APPLY_IDLE);
        context.say(String.format(Locale.ROOT, "chain + %,d idle neurons on %s applied in %s", idle, node,
                Durations.format(Duration.ofNanos(System.nanoTime() - start))));
        // The node reports "applied" once it runs the topology; the resting outputs of the new neurons (QoS 0) may
        // still be on their way out, ahead of the chain's first outputs. Wait for them before measuring.
        start = System.nanoTime();
        try (OutputProbe probe = new OutputProbe(context.broker().uri(), "r" + (RelayChainScenario.LENGTH - 1));
             MqttLink publisher = Links.connect(context.broker().uri(), "sparse-drain")) {
            Latencies.measure(publisher, Qos.AT_MOST_ONCE, probe, RelayChainScenario.toggles(), 0, 2, Duration.ZERO,
                    APPLY_IDLE);
        }
        context.say("first chain output after " + Durations.format(Duration.ofNanos(System.nanoTime() - start)));
        for (Duration gap : context.gaps()) {
            Samples with = measure(context.broker().uri(), "r" + (RelayChainScenario.LENGTH - 1),
                    RelayChainScenario.toggles(), gap, context.scale(), 2);
            Samples without = alone.get(gap);
            long rss = ProcStats.of(edges.pids().get(node)).rssBytes() / (1024 * 1024);
            double p50 = ratio(with.p50(), without.p50());
            double p99 = ratio(with.p99(), without.p99());
            boolean met = p50 <= HOPS_FACTOR && p99 <= HOPS_FACTOR;
            context.say(String.format(Locale.ROOT, "chain on 1 node, gap %s: alone p50 %s p99 %s; with %,d idle "
                            + "p50 %s p99 %s (%sx, %sx); RSS %d -> %d MB", Durations.format(gap),
                    Durations.format(without.p50()), Durations.format(without.p99()), idle,
                    Durations.format(with.p50()), Durations.format(with.p99()), format(p50), format(p99),
                    aloneRss / (1024 * 1024), rss));
            rows.add(new ScenarioResult("sparse chain 1 node alone, gap " + Durations.format(gap),
                    context.broker().label(), without.size(), without.p50(), without.p99(), null, null, "-",
                    Verdict.PRINTED, "r0..r9 on " + node + ", 2 broker hops end to end; RSS " + aloneRss / (1024 * 1024)
                    + " MB"));
            rows.add(new ScenarioResult(String.format(Locale.ROOT, "sparse chain 1 node + %,d idle, gap %s", idle,
                    Durations.format(gap)), context.broker().label(), with.size(), with.p50(), with.p99(), p50,
                    "x alone (p50)", "p50 and p99 <= 1.5x the chain alone", met ? Verdict.MET : Verdict.MISSED,
                    "p99 " + format(p99) + "x alone; RSS " + rss + " MB with the idle neurons"));
        }
        return rows;
    }

    private static Samples floor(URI uri, Duration gap, Scale scale) throws Exception {
        String topic = "bench/sparse-floor/" + ProcessHandle.current().pid();
        try (MqttLink publisher = Links.connect(uri, "sparse-floor-pub");
             MqttLink subscriber = Links.connect(uri, "sparse-floor-sub")) {
            LinkedBlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
            subscriber.subscribe(List.of(Subscription.of(topic, Qos.AT_MOST_ONCE)), Links.DIRECT,
                    m -> arrivals.add(System.nanoTime()));
            Samples samples = new Samples();
            SampleLog log = SampleLog.open("floor gap " + gap.toMillis() + "ms");
            int count = scale.sparseSamples(gap);
            for (int i = 0; i < scale.sparseWarmup() + count; i++) {
                long start = System.nanoTime();
                long hop = FloorScenario.hop(publisher, topic, Qos.AT_MOST_ONCE, arrivals, scale.latencyTimeout());
                if (i >= scale.sparseWarmup()) {
                    samples.add(hop);
                    if (log != null) {
                        log.add(start, hop);
                    }
                }
                Latencies.pause(gap);
            }
            if (log != null) {
                log.write();
            }
            return samples;
        }
    }

    private static void apply(ScenarioContext context, BenchFleet fleet, LongFunction<String> topology) {
        apply(context, fleet, topology, APPLY);
    }

    private static void apply(ScenarioContext context, BenchFleet fleet, LongFunction<String> topology,
                              Duration timeout) {
        long rev = context.revisions().next();
        fleet.apply(topology.apply(rev), rev, NODES, timeout);
    }

    /** Publishes steps at QoS 0 with {@code gap} after each; warms up with the same gap. */
    private static Samples measure(URI uri, String observed, Latencies.Steps steps, Duration gap, Scale scale,
                                   int cycle) throws Exception {
        int count = scale.sparseSamples(gap);
        // Whole cycles, so that the next measurement starts from the same state.
        int warmup = (scale.sparseWarmup() + cycle - 1) / cycle * cycle;
        count = (count + cycle - 1) / cycle * cycle;
        try (OutputProbe probe = new OutputProbe(uri, observed);
             MqttLink publisher = Links.connect(uri, "sparse-pub")) {
            return Latencies.measure(publisher, Qos.AT_MOST_ONCE, probe, steps, warmup, count, gap,
                    scale.latencyTimeout());
        }
    }

    private static void stats(EdgeProcesses edges, Map<String, ProcStats> into) throws Exception {
        for (Map.Entry<String, Long> node : edges.pids().entrySet()) {
            into.put(node.getKey(), ProcStats.of(node.getValue()));
        }
    }

    private static ScenarioResult xorThreeNodes(ScenarioContext context, Duration gap, Samples xor, Samples floor) {
        Duration hops = floor.p50().multipliedBy(4);
        double ratio = ratio(xor.p50(), hops);
        boolean met = ratio <= HOPS_FACTOR && tailMet(xor);
        context.say("XOR over 3 nodes, gap " + Durations.format(gap) + ": p50 " + Durations.format(xor.p50()) + " = "
                + format(ratio) + "x the 4-hop floor, p99 " + Durations.format(xor.p99()));
        return new ScenarioResult("sparse xor 3 nodes, gap " + Durations.format(gap), context.broker().label(),
                xor.size(), xor.p50(), xor.p99(), ratio, "x 4-hop floor", "p50 <= 1.5x 4-hop floor ("
                + Durations.format(hops) + "), p99 <= 3x p50", met ? Verdict.MET : Verdict.MISSED,
                "sensor input -> x|y (n1) -> h1..h3 (n2, n3) -> z (n3) -> observer: 4 broker hops; p99/p50 "
                        + format(ratio(xor.p99(), xor.p50())));
    }

    private static ScenarioResult xorOneNode(ScenarioContext context, Duration gap, Samples xor, Samples floor) {
        Duration hops = floor.p50().multipliedBy(4);
        double ratio = ratio(xor.p50(), hops);
        boolean met = ratio < 1 && xor.p50().compareTo(NODE_RED_XOR) < 0 && tailMet(xor);
        context.say("XOR on 1 node, gap " + Durations.format(gap) + ": p50 " + Durations.format(xor.p50()) + ", p99 "
                + Durations.format(xor.p99()));
        return new ScenarioResult("sparse xor 1 node, gap " + Durations.format(gap), context.broker().label(),
                xor.size(), xor.p50(), xor.p99(), ratio, "x 4-hop floor", "p50 < 4-hop floor (" + Durations.format(hops)
                + ") and < 1.6 ms, p99 <= 3x p50", met ? Verdict.MET : Verdict.MISSED,
                "every neuron on one node: sensor input -> n1 -> observer, 2 broker hops; p99/p50 "
                        + format(ratio(xor.p99(), xor.p50())));
    }

    private static ScenarioResult chain(ScenarioContext context, Duration gap, Samples chain, Samples floor) {
        Duration p50 = chain.p50().dividedBy(RelayChainScenario.HOPS);
        Duration p99 = chain.p99().dividedBy(RelayChainScenario.HOPS);
        double ratio = ratio(p50, floor.p50());
        boolean met = ratio <= HOPS_FACTOR && tailMet(chain);
        context.say("chain of 10 over 2 nodes, gap " + Durations.format(gap) + ": per hop p50 " + Durations.format(p50)
                + " = " + format(ratio) + "x the one-hop floor");
        return new ScenarioResult("sparse chain per hop, gap " + Durations.format(gap), context.broker().label(),
                chain.size(), p50, p99, ratio, "x 1-hop floor", "p50 <= 1.5x 1-hop floor (" + Durations.format(
                floor.p50().multipliedBy(3).dividedBy(2)) + "), p99 <= 3x p50", met ? Verdict.MET : Verdict.MISSED,
                "r0..r9 alternating over 2 nodes, 11 broker hops; end to end p50 " + Durations.format(chain.p50())
                        + ", p99 " + Durations.format(chain.p99()));
    }

    private static List<ScenarioResult> idle(ScenarioContext context, EdgeProcesses edges,
                                             Map<String, ProcStats> before, Map<String, ProcStats> after,
                                             Duration loaded) throws Exception {
        Latencies.pause(SETTLE);
        Map<String, ProcStats> start = new LinkedHashMap<>();
        stats(edges, start);
        long windowStart = System.nanoTime();
        Latencies.pause(IDLE_WINDOW);
        Map<String, ProcStats> end = new LinkedHashMap<>();
        stats(edges, end);
        Duration window = Duration.ofNanos(System.nanoTime() - windowStart);
        Duration load = loaded.isZero() ? Duration.ofNanos(1) : loaded;
        List<ScenarioResult> rows = new ArrayList<>();
        for (String node : end.keySet()) {
            double idle = end.get(node).cpuPercentSince(start.get(node), window);
            double busy = after.get(node).cpuPercentSince(before.get(node), load);
            long rssMb = end.get(node).rssBytes() / (1024 * 1024);
            boolean met = idle < 1 && rssMb <= 100;
            context.say(node + ": idle " + format(idle) + " % of a core, RSS " + rssMb + " MB; " + format(busy)
                    + " % while XOR ran");
            rows.add(new ScenarioResult("sparse idle " + node, context.broker().label(), 1, null, null, idle,
                    "% of a core", "< 1% of a core, RSS <= 100 MB", met ? Verdict.MET : Verdict.MISSED,
                    "XOR network hosted; RSS " + rssMb + " MB; CPU over " + Durations.format(window) + " at idle, "
                            + format(busy) + " % while the first gap's XOR ran"));
        }
        return rows;
    }

    private static boolean tailMet(Samples samples) {
        return ratio(samples.p99(), samples.p50()) <= TAIL_FACTOR;
    }

    static double ratio(Duration a, Duration b) {
        return (double) a.toNanos() / Math.max(1, b.toNanos());
    }

    static String format(double value) {
        return String.format("%.2f", value);
    }
}
