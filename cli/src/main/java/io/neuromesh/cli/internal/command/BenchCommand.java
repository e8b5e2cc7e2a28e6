package io.neuromesh.cli.internal.command;

import io.neuromesh.bench.Bench;
import io.neuromesh.bench.BenchMode;
import io.neuromesh.bench.BenchOptions;
import io.neuromesh.bench.BenchReport;
import io.neuromesh.bench.FleetBench;
import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.options.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code neuromesh bench [--broker embedded|mosquitto|URL] [--quick] [--only NAME,...] [--sparse] [--gap D,...]
 * [--json FILE]}: the end-to-end benchmark; {@code neuromesh bench --fleet 10,30,100 [--neurons N] [--broker B]}: the
 * fleet benchmark instead. Missed targets are results, not failures: it exits non-zero only when a scenario broke. Its
 * {@code --broker} names brokers of its own, never a live fleet's, so it does not take the shared broker options.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "benchmark the brain end to end against the"
        + " broker's own floor and print a table of p50/p99 and targets")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Option(names = "--broker", paramLabel = "B[,B2]", split = ",", defaultValue = BenchOptions.EMBEDDED,
            description = "where the scenarios run: embedded (HiveMQ CE in this JVM), mosquitto (a local process) or"
                    + " tcp://host:port of a broker of its own, never a live fleet's (default: ${DEFAULT-VALUE})")
    private List<String> brokers;
    @Option(names = "--quick", description = "fewer samples and rounds: under 2 minutes on a 2-core machine")
    private boolean quick;
    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "run only these scenarios: ${COMPLETION-CANDIDATES}", completionCandidates = Scenarios.class)
    private List<String> only;
    @Option(names = "--sparse", description = "run the sparse-traffic scenario only: edge runtimes as separate"
            + " processes, one input per --gap (the same as --only " + Bench.SPARSE + ")")
    private boolean sparse;
    @Option(names = "--gap", paramLabel = "DURATION", split = ",", converter = DurationConverter.class,
            description = "pause between two inputs of the sparse scenario, one measurement per value, e.g."
                    + " 2ms,100ms (default: 2ms)")
    private List<Duration> gaps;
    @Option(names = "--idle-neurons", paramLabel = "N", description = "with --sparse: also time the chain of 10 on"
            + " one node alone and with N idle neurons hosted beside it (e.g. 100000)")
    private int idleNeurons;
    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON to FILE, to compare runs")
    private Path json;
    @Option(names = "--fleet", paramLabel = "N[,N2]", split = ",", description = "instead of the scenarios, measure "
            + "fleets of N edge runtimes (in 4 worker JVMs) on the first --broker: apply, failover, traffic, memory")
    private List<Integer> fleet;
    @Option(names = "--neurons", paramLabel = "N", defaultValue = "10000",
            description = "auto-placed neurons of the --fleet network (default: ${DEFAULT-VALUE})")
    private int neurons;

    /** The scenario names, for help and completion. */
    static final class Scenarios implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.concat(Bench.SCENARIOS.stream(), Stream.of(Bench.SPARSE)).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = NeuromeshCommand.out(spec);
        if (fleet != null) {
            return fleet(out);
        }
        BenchOptions options;
        LinkedHashSet<String> selected = new LinkedHashSet<>(only == null ? List.of() : strip(only));
        if (sparse) {
            selected.add(Bench.SPARSE);
        }
        try {
            options = BenchOptions.builder()
                    .brokers(strip(brokers))
                    .mode(quick ? BenchMode.QUICK : BenchMode.FULL)
                    .only(selected)
                    .gaps(gaps == null ? BenchOptions.DEFAULT_GAPS : gaps)
                    .idleNeurons(idleNeurons)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        BenchReport report = Bench.run(options, out);
        if (json != null) {
            report.writeJson(json);
            out.println("results written to " + json);
        }
        List<ScenarioResult> broken = report.results().stream()
                .filter(r -> r.verdict() == Verdict.FAILED).toList();
        if (!broken.isEmpty()) {
            throw new CommandFailedException(broken.size() + " scenario(s) broke: " + broken.stream()
                    .map(r -> r.scenario() + " on " + r.broker()).collect(Collectors.joining(", ")));
        }
        return 0;
    }

    private Integer fleet(PrintStream out) throws Exception {
        FleetBench.FleetOptions options;
        try {
            options = FleetBench.FleetOptions.of(fleet, neurons, strip(brokers).get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        FleetBench.run(options, out);
        return 0;
    }

    private static List<String> strip(List<String> values) {
        return values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
