package io.neuromesh.bench.internal.run;

import io.neuromesh.bench.BenchOptions;
import io.neuromesh.bench.BenchReport;
import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.broker.BrokerUnavailableException;
import io.neuromesh.bench.internal.broker.BrokerUnderTest;
import io.neuromesh.bench.internal.fleet.Revisions;
import io.neuromesh.bench.internal.machine.MachineProbe;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.scenario.ApplyScenario;
import io.neuromesh.bench.internal.scenario.EdgeStartScenario;
import io.neuromesh.bench.internal.scenario.FloorScenario;
import io.neuromesh.bench.internal.scenario.FlowsNoopScenario;
import io.neuromesh.bench.internal.scenario.FlowsWordCountScenario;
import io.neuromesh.bench.internal.scenario.HundredKScenario;
import io.neuromesh.bench.internal.scenario.RelayChainScenario;
import io.neuromesh.bench.internal.scenario.RelayThroughputScenario;
import io.neuromesh.bench.internal.scenario.SparseScenario;
import io.neuromesh.bench.internal.scenario.XorScenario;
import org.tinylog.Logger;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One benchmark run: measures the floor on both local brokers (and each URL given), then runs the other selected
 * scenarios on each broker of the options, and prints the table. Brokers are started once and shared by scenarios.
 */
public final class BenchRun {

    /** Scenarios whose target is relative to the floor of their broker. */
    private static final Set<String> NEED_FLOOR = Set.of("relay-chain", "relay-throughput");

    private final BenchOptions options;
    private final PrintStream out;
    private final Scale scale;
    private final Revisions revisions = new Revisions();
    private final Map<String, Floor> floors = new LinkedHashMap<>();
    private final Map<String, BrokerUnderTest> open = new LinkedHashMap<>();
    private final Map<String, String> versions = new LinkedHashMap<>();
    private final List<ScenarioResult> results = new ArrayList<>();

    /** A run with these options, printing to {@code out}. */
    public BenchRun(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.scale = Scale.of(options.mode());
    }

    /** Runs everything selected and prints the table; see {@link io.neuromesh.bench.Bench#run}. */
    public BenchReport run() {
        Instant started = Instant.now();
        long start = System.nanoTime();
        List<Scenario> scenarios = List.of(new RelayChainScenario(), new XorScenario(), new RelayThroughputScenario(),
                new HundredKScenario(), new ApplyScenario(), new EdgeStartScenario(), new FlowsNoopScenario(),
                new FlowsWordCountScenario(), new SparseScenario()).stream().filter(s -> options.runs(s.name())).toList();
        out.println("Neuromesh bench, " + options.mode().name().toLowerCase(Locale.ROOT) + " mode, brokers "
                + String.join(", ", options.brokers()));
        try {
            if (options.runs("floor") || scenarios.stream().anyMatch(s -> NEED_FLOOR.contains(s.name()))) {
                Set<String> floorBrokers = new LinkedHashSet<>(List.of(BenchOptions.EMBEDDED, BenchOptions.MOSQUITTO));
                floorBrokers.addAll(options.brokers());
                for (String spec : floorBrokers) {
                    runOn(spec, List.of(new FloorScenario()));
                    if (!options.brokers().contains(spec)) {
                        close(spec);
                    }
                }
            }
            for (String spec : options.brokers()) {
                runOn(spec, scenarios);
            }
        } finally {
            open.keySet().stream().toList().forEach(this::close);
        }
        BenchReport report = new BenchReport(started, Duration.ofNanos(System.nanoTime() - start), options.mode(),
                MachineProbe.describe(versions), results);
        out.println();
        out.print(report.table());
        out.flush();
        return report;
    }

    private void runOn(String spec, List<Scenario> scenarios) {
        if (scenarios.isEmpty()) {
            return;
        }
        BrokerUnderTest broker;
        try {
            broker = open(spec);
        } catch (BrokerUnavailableException e) {
            scenarios.forEach(s -> results.add(ScenarioResult.without(s.name(), spec, Verdict.SKIPPED, e.getMessage())));
            return;
        }
        ScenarioContext context = new ScenarioContext(broker, scale, revisions, floors, options.edgeMainClass(), options.gaps(),
                options.idleNeurons(), out);
        for (Scenario scenario : scenarios) {
            out.println("- " + scenario.name() + " on " + broker.label());
            out.flush();
            long start = System.nanoTime();
            try {
                results.addAll(scenario.run(context));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(ScenarioResult.without(scenario.name(), broker.label(), Verdict.FAILED, "interrupted"));
                return;
            } catch (Exception e) {
                Logger.debug(e, "bench: {} on {} failed", scenario.name(), broker.label());
                results.add(ScenarioResult.without(scenario.name(), broker.label(), Verdict.FAILED, e.toString()));
            }
            out.println("  done in " + Durations.format(Duration.ofNanos(System.nanoTime() - start)));
            out.flush();
        }
    }

    private BrokerUnderTest open(String spec) {
        BrokerUnderTest broker = open.get(spec);
        if (broker == null) {
            out.println("starting broker " + spec);
            broker = BrokerUnderTest.start(spec);
            open.put(spec, broker);
            versions.put(broker.label(), broker.version());
        }
        return broker;
    }

    private void close(String spec) {
        BrokerUnderTest broker = open.remove(spec);
        if (broker != null) {
            broker.close();
        }
    }
}
