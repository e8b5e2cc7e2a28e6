package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.child.ChildJvm;
import io.neuromesh.bench.internal.child.ChildProcess;
import io.neuromesh.bench.internal.fleet.OnlineWatch;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.Scenario;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.bench.internal.stats.Samples;

import java.time.Duration;
import java.util.List;

/**
 * {@code edge --node <id> --no-worker} in a new JVM (the same java and class path as the bench), timed from just
 * before the process starts until its online status arrives at a subscriber. Several runs, one JVM each.
 */
public final class EdgeStartScenario implements Scenario {

    private static final Duration TARGET = Duration.ofMillis(1500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "edge-start";
    }

    @Override
    public List<ScenarioResult> run(ScenarioContext context) throws Exception {
        Scale scale = context.scale();
        String label = context.broker().label();
        String main = context.edgeMainClass();
        if (!ChildJvm.onClassPath(main)) {
            return List.of(ScenarioResult.without("edge-start", label, Verdict.SKIPPED, main
                    + " is not on the class path; run it through ./neuromesh bench"));
        }
        Samples samples = new Samples();
        String prefix = "bench-start-" + ProcessHandle.current().pid() + "-";
        try (OnlineWatch watch = new OnlineWatch(context.broker().uri())) {
            for (int run = 0; run < scale.edgeStarts(); run++) {
                String node = prefix + run;
                List<String> command = ChildJvm.command(List.of(), main, List.of("edge", "--node", node, "--broker",
                        context.broker().uri().toString(), "--no-worker", "--handover", "0s"));
                long start = System.nanoTime();
                try (ChildProcess child = ChildProcess.start(command)) {
                    long arrived = watch.await(node, child, TIMEOUT);
                    samples.add(arrived - start);
                    context.say("run " + (run + 1) + ": " + Durations.format(Duration.ofNanos(arrived - start)));
                }
            }
        }
        boolean met = samples.p50().compareTo(TARGET) <= 0;
        return List.of(new ScenarioResult("edge-start", label, samples.size(), samples.p50(), samples.p99(), null,
                null, "p50 <= 1.5 s", met ? Verdict.MET : Verdict.MISSED,
                "java -cp <class path> " + main + " edge --no-worker: from starting the process to its online status "
                        + "at a subscriber, JVM start included"));
    }
}
