package io.neuromesh.flows.demo;

import com.google.gson.reflect.TypeToken;
import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.MapCall;
import io.neuromesh.flows.Route;
import io.neuromesh.flows.TaskResult;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference word count: strip {@code ,} and {@code .}, split on whitespace, count the words of
 * {@value #MIN_LENGTH} or more characters (case-sensitive). {@link #run} spreads it over the fleet with the
 * {@value #COUNT_TASK} task, one task per chunk of words.
 *
 * @since 0.1
 */
public final class WordCount {

    /** The task that counts a chunk of words: a JSON array of words (or lines) in, {@code {"word":count}} out. */
    public static final String COUNT_TASK = "wordcount.count";
    /** The task that merges counts: a JSON array of {@code {"word":count}} in, the summed counts out. */
    public static final String MERGE_TASK = "wordcount.merge";
    /** Shortest word that counts, in characters (Unicode code points). */
    public static final int MIN_LENGTH = 5;
    /** Words per task when none is given. */
    public static final int DEFAULT_CHUNK = 100;

    private static final Type COUNTS = new TypeToken<Map<String, Integer>>() { }.getType();

    private WordCount() {
    }

    /** The words of a text by the reference rule: remove {@code ,} and {@code .}, split on whitespace. */
    public static List<String> words(String text) {
        String cleaned = text.replace(",", "").replace(".", "").strip();
        return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split("\\s+"));
    }

    /** Counts the words of {@link #MIN_LENGTH}+ characters; each entry is split by {@link #words} first. */
    public static Map<String, Integer> count(Collection<String> wordsOrLines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String entry : wordsOrLines) {
            for (String word : words(entry)) {
                if (word.codePointCount(0, word.length()) >= MIN_LENGTH) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Sums several counts. */
    public static Map<String, Integer> merge(Collection<Map<String, Integer>> counts) {
        Map<String, Integer> total = new HashMap<>();
        for (Map<String, Integer> part : counts) {
            part.forEach((word, n) -> total.merge(word, n, Integer::sum));
        }
        return total;
    }

    /** The {@code k} most frequent words, ties broken as the reference does (the word, descending). */
    public static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int k) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .limit(k)
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * Counts {@code words} on the fleet: one {@value #COUNT_TASK} task per chunk of {@code chunk} words, results
     * merged here. Blocks until every task has answered.
     *
     * @param client  a started client
     * @param words   the words, e.g. from {@link #words(String)}
     * @param chunk   words per task (1 reproduces the reference's one task per word)
     * @param route   where the tasks go, or null for the client's default queue
     * @param timeout per-task timeout
     */
    public static WordCountReport run(FlowClient client, List<String> words, int chunk, Route route,
                                      Duration timeout) {
        long start = System.nanoTime();
        List<TaskResult> results = client.map(MapCall.of(COUNT_TASK, words).chunks(chunk).route(route)
                .timeout(timeout)).join();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        List<Map<String, Integer>> parts = new ArrayList<>(results.size());
        List<String> errors = new ArrayList<>();
        Map<String, Integer> perWorker = new TreeMap<>();
        for (TaskResult result : results) {
            if (result.worker() != null) {
                perWorker.merge(result.worker(), 1, Integer::sum);
            }
            if (result.ok()) {
                parts.add(result.value(COUNTS));
            } else {
                errors.add(result.id() + ": " + result.errorKind().wireName() + ": " + result.error());
            }
        }
        return new WordCountReport(words.size(), results.size(), merge(parts), perWorker, errors, wall);
    }
}
