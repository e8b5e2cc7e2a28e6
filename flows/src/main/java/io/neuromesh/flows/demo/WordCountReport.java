package io.neuromesh.flows.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link WordCount#run}.
 *
 * @param words     words submitted
 * @param tasks     tasks they travelled in
 * @param counts    the merged counts of words with {@value WordCount#MIN_LENGTH}+ characters
 * @param perWorker tasks answered per worker
 * @param errors    one line per failed task ({@code id: kind: message}); the counts then miss those words
 * @param wallTime  from the first submit to the last result
 * @since 0.1
 */
public record WordCountReport(int words, int tasks, Map<String, Integer> counts, Map<String, Integer> perWorker,
                              List<String> errors, Duration wallTime) {

    public WordCountReport {
        counts = Map.copyOf(counts);
        perWorker = Map.copyOf(perWorker);
        errors = List.copyOf(errors);
    }

    /** The {@code k} most frequent words (see {@link WordCount#top}). */
    public List<Map.Entry<String, Integer>> top(int k) {
        return WordCount.top(counts, k);
    }
}
