package io.neuromesh.flows;

import com.google.gson.reflect.TypeToken;
import io.neuromesh.flows.demo.WordCount;
import io.neuromesh.flows.demo.WordCountReport;
import io.neuromesh.flows.testing.Workers;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference word count (2,190 words) over three workers equals the single-process count exactly. */
@Timeout(120)
class WordCountIT {

    private static TestFleet<Worker> fleet;
    private static FlowClient client;
    private static List<String> words;
    private static Map<String, Integer> expected;

    @BeforeAll
    static void startFleet() throws Exception {
        try (InputStream in = WordCountIT.class.getResourceAsStream("/wordcount/fables.txt")) {
            words = WordCount.words(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        expected = WordCount.count(words);
        fleet = TestFleet.builder(Workers.inProcess()).start();
        for (String name : List.of("count1", "count2", "count3")) {
            fleet.start(name, Workers.inProcess(b -> b.concurrency(2)));
        }
        client = Workers.client(fleet);
        Workers.awaitOnline(client, "count1", "count2", "count3");
    }

    @AfterAll
    static void stopFleet() throws IOException {
        client.close();
        fleet.close();
    }

    private static void check(WordCountReport report, String label) {
        System.out.printf("word count, %s: %d words in %d tasks over %s: %d ms; top %s%n", label, report.words(),
                report.tasks(), report.perWorker(), report.wallTime().toMillis(), report.top(3));
        assertEquals(List.of(), report.errors());
        assertEquals(2190, report.words());
        assertEquals(expected, report.counts());
        assertEquals(3, report.perWorker().size(), "every worker takes part: " + report.perWorker());
    }

    @Test
    void chunksOfOneHundredWordsCountExactlyAsOneProcess() {
        WordCountReport report = WordCount.run(client, words, 100, null, Duration.ofSeconds(30));

        assertEquals(22, report.tasks());
        check(report, "chunks of 100");
    }

    @Test
    void oneTaskPerWordCountsExactlyAsOneProcess() {
        // Warm-up so the printed time is the steady state rather than the JIT's first pass.
        WordCount.run(client, words, 1, null, Duration.ofSeconds(30));

        WordCountReport report = WordCount.run(client, words, 1, null, Duration.ofSeconds(30));

        assertEquals(2190, report.tasks());
        check(report, "one task per word");
        assertTrue(report.top(1).get(0).getValue() > 1);
    }

    @Test
    void aChordMergesTheCountsOnAWorker() {
        List<TaskCall> header = MapCall.of(WordCount.COUNT_TASK, words).chunks(500).calls();

        TaskResult merged = client.chord(header, TaskCall.of(WordCount.MERGE_TASK)).join();

        assertEquals(expected, merged.value(new TypeToken<Map<String, Integer>>() { }.getType()));
    }
}
