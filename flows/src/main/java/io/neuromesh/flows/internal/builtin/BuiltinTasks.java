package io.neuromesh.flows.internal.builtin;

import com.google.gson.JsonElement;
import com.google.gson.reflect.TypeToken;
import io.neuromesh.flows.RetryableException;
import io.neuromesh.flows.Task;
import io.neuromesh.flows.TaskProvider;
import io.neuromesh.flows.demo.WordCount;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The tasks every worker has (listed in this module's {@code META-INF/services}): {@code noop}, {@code echo},
 * {@code sleep}, {@code fail}, {@code wordcount.count}, {@code wordcount.merge} and {@code http.fetch}.
 */
public final class BuiltinTasks implements TaskProvider {

    /**
     * Arguments of {@code fail}.
     *
     * @param message   the error message (default {@code failed on purpose})
     * @param retryable true to throw a {@link RetryableException}
     * @param times     fail only the first {@code times} attempts, then succeed; 0 fails every attempt
     */
    record FailArgs(String message, boolean retryable, int times) {
    }

    @Override
    public Collection<Task<?, ?>> tasks() {
        return List.of(
                Task.of("noop", JsonElement.class, (args, context) -> null),
                Task.of("echo", JsonElement.class, (args, context) -> args),
                Task.of("sleep", Long.class, (ms, context) -> {
                    if (ms == null || ms < 0) {
                        throw new IllegalArgumentException("sleep: the argument must be milliseconds >= 0, got " + ms);
                    }
                    Thread.sleep(ms);
                    return ms;
                }),
                Task.of("fail", FailArgs.class, (args, context) -> {
                    FailArgs fail = args == null ? new FailArgs(null, false, 0) : args;
                    String message = fail.message() == null ? "failed on purpose" : fail.message();
                    if (fail.times() == 0 || context.attempt() <= fail.times()) {
                        throw fail.retryable() ? new RetryableException(message) : new IllegalStateException(message);
                    }
                    return "succeeded on attempt " + context.attempt();
                }),
                Task.of(WordCount.COUNT_TASK, new TypeToken<List<String>>() { }, (words, context) -> {
                    if (words == null) {
                        throw new IllegalArgumentException(WordCount.COUNT_TASK + ": the argument must be an array of words");
                    }
                    return WordCount.count(words);
                }),
                Task.of(WordCount.MERGE_TASK, new TypeToken<List<Map<String, Integer>>>() { }, (counts, context) -> {
                    if (counts == null) {
                        throw new IllegalArgumentException(WordCount.MERGE_TASK + ": the argument must be an array of counts");
                    }
                    return WordCount.merge(counts);
                }),
                new HttpFetchTask());
    }
}
