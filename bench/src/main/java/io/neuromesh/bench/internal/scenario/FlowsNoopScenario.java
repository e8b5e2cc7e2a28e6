package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.fleet.Workers;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.Scenario;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.bench.internal.stats.Samples;
import io.neuromesh.flows.TaskCall;
import io.neuromesh.flows.TaskResult;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Two task-flow workers in this JVM and one client: rounds of no-op tasks submitted at once as a group (the client
 * pipelines them by the workers' credit), timed until the last result is back.
 */
public final class FlowsNoopScenario implements Scenario {

    private static final double TARGET = 10_000;

    @Override
    public String name() {
        return "flows-noop";
    }

    @Override
    public List<ScenarioResult> run(ScenarioContext context) throws Exception {
        Scale scale = context.scale();
        double[] rates = new double[scale.noopRounds()];
        String settings;
        try (Workers workers = new Workers(context.broker().uri(), List.of("bench-w1", "bench-w2"))) {
            settings = workers.settings();
            round(workers, Math.max(1, scale.noopTasks() / 4));
            for (int round = 0; round < rates.length; round++) {
                rates[round] = round(workers, scale.noopTasks());
                context.say("round " + (round + 1) + ": " + Durations.number(rates[round]) + " tasks/s");
            }
        }
        double rate = Samples.median(rates);
        String note = String.format(Locale.ROOT, "2 in-process workers (%s), one FlowClient, %,d no-op tasks per "
                + "round through group(), median of %d rounds", settings, scale.noopTasks(), rates.length);
        boolean met = rate >= TARGET;
        if (!met) {
            note += "; every task and every result crosses the broker in a message shared by at most the worker's "
                    + "free slots, so per-message MQTT work (Paho's hand-offs between its threads) sets the pace";
        }
        return List.of(new ScenarioResult("flows-noop", context.broker().label(), rates.length, null, null, rate,
                "tasks/s", ">= 10,000 tasks/s", met ? Verdict.MET : Verdict.MISSED, note));
    }

    /** One round; its rate in tasks per second. */
    private static double round(Workers workers, int tasks) {
        List<TaskCall> calls = Collections.nCopies(tasks, TaskCall.of("noop"));
        long start = System.nanoTime();
        List<TaskResult> results = workers.client().group(calls).join();
        long elapsed = System.nanoTime() - start;
        List<TaskResult> failed = results.stream().filter(r -> !r.ok()).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " of " + tasks + " no-op tasks failed, e.g. "
                    + failed.get(0).errorKind() + ": " + failed.get(0).error());
        }
        return tasks / (elapsed / 1e9);
    }
}
