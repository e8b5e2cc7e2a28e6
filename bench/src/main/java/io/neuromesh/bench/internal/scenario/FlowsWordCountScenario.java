package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.fleet.Workers;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.Scenario;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.bench.internal.stats.Samples;
import io.neuromesh.flows.demo.WordCount;
import io.neuromesh.flows.demo.WordCountReport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The reference word count: the 2,190-word fables text, one {@code wordcount.count} task per word (the reference's
 * way), over two workers in this JVM; each round is checked against the single-process count.
 */
public final class FlowsWordCountScenario implements Scenario {

    private static final Duration TARGET = Duration.ofSeconds(1);
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "flows-wordcount";
    }

    @Override
    public List<ScenarioResult> run(ScenarioContext context) throws Exception {
        Scale scale = context.scale();
        List<String> words = words();
        Map<String, Integer> expected = WordCount.count(words);
        Samples samples = new Samples();
        String settings;
        try (Workers workers = new Workers(context.broker().uri(), List.of("bench-w1", "bench-w2"))) {
            settings = workers.settings();
            check(WordCount.run(workers.client(), words, 1, null, TASK_TIMEOUT), expected);
            for (int round = 0; round < scale.wordcountRounds(); round++) {
                WordCountReport report = check(WordCount.run(workers.client(), words, 1, null, TASK_TIMEOUT), expected);
                samples.add(report.wallTime());
                context.say("round " + (round + 1) + ": " + Durations.format(report.wallTime()));
            }
        }
        boolean met = samples.p50().compareTo(TARGET) <= 0;
        return List.of(new ScenarioResult("flows-wordcount", context.broker().label(), samples.size(), samples.p50(),
                samples.p99(), null, null, "p50 <= 1 s", met ? Verdict.MET : Verdict.MISSED,
                words.size() + " words, one task per word, 2 in-process workers (" + settings + "), after one warm-up"
                        + " round"));
    }

    private static WordCountReport check(WordCountReport report, Map<String, Integer> expected) {
        if (!report.errors().isEmpty()) {
            throw new IllegalStateException(report.errors().size() + " word-count tasks failed, e.g. "
                    + report.errors().get(0));
        }
        if (!report.counts().equals(expected)) {
            throw new IllegalStateException("the distributed word count differs from the single-process count");
        }
        return report;
    }

    private static List<String> words() throws IOException {
        try (InputStream in = FlowsWordCountScenario.class.getResourceAsStream("/bench/fables.txt")) {
            if (in == null) {
                throw new IllegalStateException("bench/fables.txt is missing from the class path");
            }
            return WordCount.words(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
