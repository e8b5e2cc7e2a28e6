package io.neuromesh.cli.internal.command;

import io.neuromesh.bench.Bench;
import io.neuromesh.bench.BenchMode;
import io.neuromesh.bench.BenchOptions;
import io.neuromesh.bench.BenchReport;
import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.cli.internal.UsageException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code neuromesh bench [--broker embedded|mosquitto|URL] [--quick] [--only NAME,...] [--json FILE]}: the end-to-end
 * benchmark. Missed targets are results, not failures: it exits non-zero only when a scenario broke.
 */
public final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String synopsis() {
        return "[--broker embedded|mosquitto|URL[,...]] [--quick] [--only NAME,...] [--json FILE]";
    }

    @Override
    public String summary() {
        return "benchmark the brain end to end against the broker's own floor and print a table of p50/p99 and targets";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("broker", "B[,B2]", "where the scenarios run: embedded (HiveMQ CE in this JVM, default), "
                        + "mosquitto (a local process) or tcp://host:port of a broker of its own (never a live fleet's)"),
                Option.flag("quick", "fewer samples and rounds: under 2 minutes on a 2-core machine"),
                Option.value("only", "NAME,...", "run only these scenarios: " + String.join(", ", Bench.SCENARIOS)),
                Option.value("json", "FILE", "also write the results as JSON to FILE, to compare runs"));
    }

    @Override
    public int run(Args args, PrintStream out) throws IOException {
        args.maxPositional(0);
        BenchOptions options;
        try {
            options = BenchOptions.builder()
                    .brokers(split(args.value("broker", BenchOptions.EMBEDDED)))
                    .mode(args.flag("quick") ? BenchMode.QUICK : BenchMode.FULL)
                    .only(new LinkedHashSet<>(split(args.value("only", ""))))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        BenchReport report = Bench.run(options, out);
        String json = args.value("json", null);
        if (json != null) {
            report.writeJson(Path.of(json));
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

    private static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
