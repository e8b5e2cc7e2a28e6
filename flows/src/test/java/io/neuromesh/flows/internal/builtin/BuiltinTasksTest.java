package io.neuromesh.flows.internal.builtin;

import io.neuromesh.flows.RetryableException;
import io.neuromesh.flows.Task;
import io.neuromesh.flows.TaskContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BuiltinTasksTest {

    @SuppressWarnings("unchecked")
    private static Task<Object, Object> task(String name) {
        return (Task<Object, Object>) new BuiltinTasks().tasks().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static TaskContext attempt(int n) {
        return new TaskContext() {
            @Override
            public String taskId() {
                return "t";
            }

            @Override
            public String worker() {
                return "w";
            }

            @Override
            public int attempt() {
                return n;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    @Test
    void failFailsTheFirstAttemptsThenSucceeds() throws Exception {
        Object args = new BuiltinTasks.FailArgs("busy", true, 2);

        assertEquals("busy", assertThrows(RetryableException.class, () -> task("fail").run(args, attempt(2))).getMessage());
        assertEquals("succeeded on attempt 3", task("fail").run(args, attempt(3)));
    }

    @Test
    void failWithoutArgumentsAlwaysFailsForGood() {
        assertEquals("failed on purpose",
                assertThrows(IllegalStateException.class, () -> task("fail").run(null, attempt(9))).getMessage());
    }

    @Test
    void sleepRefusesNegativeTimes() {
        assertEquals("sleep: the argument must be milliseconds >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> task("sleep").run(-1L, attempt(1))).getMessage());
    }

    @Test
    void wordCountCountsAChunkAndMergeSumsChunks() throws Exception {
        Object counts = task("wordcount.count").run(List.of("Mouse", "Mouse", "cat"), attempt(1));
        assertEquals(Map.of("Mouse", 2), counts);
        assertEquals(Map.of("Mouse", 3), task("wordcount.merge").run(List.of(counts, Map.of("Mouse", 1)), attempt(1)));
    }
}
