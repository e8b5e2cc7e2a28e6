package io.neuromesh.flows.internal.canvas;

import com.google.gson.JsonPrimitive;
import io.neuromesh.flows.ErrorKind;
import io.neuromesh.flows.TaskCall;
import io.neuromesh.flows.TaskResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanvasTest {

    private final List<TaskCall> calls = new ArrayList<>();
    private final List<CompletableFuture<TaskResult>> futures = new ArrayList<>();
    private final Canvas canvas = new Canvas(call -> {
        calls.add(call);
        CompletableFuture<TaskResult> future = new CompletableFuture<>();
        futures.add(future);
        return future;
    });

    private static TaskResult ok(int index, Object value) {
        return TaskResult.success("id" + index, "t", value == null ? null : new com.google.gson.Gson().toJsonTree(value),
                "w1", 1, Duration.ZERO);
    }

    private static TaskResult failed(int index, String error) {
        return TaskResult.failure("id" + index, "t", ErrorKind.FAILED, error, "w1", 1, Duration.ZERO);
    }

    @Test
    void groupReturnsResultsInCallOrderWhateverOrderTheyFinish() {
        CompletableFuture<List<TaskResult>> group = canvas.group(List.of(TaskCall.of("t", 0), TaskCall.of("t", 1),
                TaskCall.of("t", 2)));

        futures.get(2).complete(ok(2, "c"));
        futures.get(0).complete(ok(0, "a"));
        assertFalse(group.isDone());
        futures.get(1).complete(ok(1, "b"));

        assertEquals(List.of("\"a\"", "\"b\"", "\"c\""), group.join().stream().map(r -> r.value().toString()).toList());
    }

    @Test
    void anEmptyGroupCompletesAtOnce() {
        assertEquals(List.of(), canvas.group(List.of()).join());
    }

    @Test
    void chainFeedsEachValueToTheNextCall() {
        CompletableFuture<TaskResult> chain = canvas.chain(List.of(TaskCall.of("a", 1), TaskCall.of("b"), TaskCall.of("c")));

        futures.get(0).complete(ok(0, 10));
        assertEquals(new JsonPrimitive(10), calls.get(1).args());
        futures.get(1).complete(ok(1, 20));
        assertEquals(new JsonPrimitive(20), calls.get(2).args());
        futures.get(2).complete(ok(2, 30));

        assertEquals(new JsonPrimitive(30), chain.join().value());
    }

    @Test
    void chainStopsAtTheFirstError() {
        CompletableFuture<TaskResult> chain = canvas.chain(List.of(TaskCall.of("a"), TaskCall.of("b"), TaskCall.of("c")));

        futures.get(0).complete(failed(0, "boom"));

        assertEquals("boom", chain.join().error());
        assertEquals(1, calls.size());
    }

    @Test
    void chainRefusesArgumentsOnLaterCalls() {
        assertEquals("chain[1] (b): its arguments are the previous result; leave them out",
                assertThrows(IllegalArgumentException.class,
                        () -> canvas.chain(List.of(TaskCall.of("a"), TaskCall.of("b", 5)))).getMessage());
        assertEquals("chain: needs at least one call",
                assertThrows(IllegalArgumentException.class, () -> canvas.chain(List.of())).getMessage());
    }

    @Test
    void chordHandsTheHeaderValuesToTheReducerInOrder() {
        CompletableFuture<TaskResult> chord = canvas.chord(List.of(TaskCall.of("t", 1), TaskCall.of("t", 2)),
                TaskCall.of("sum"));

        futures.get(1).complete(ok(1, 2));
        futures.get(0).complete(ok(0, 1));
        assertEquals("sum", calls.get(2).task());
        assertEquals("[1,2]", calls.get(2).args().toString());
        futures.get(2).complete(ok(2, 3));

        assertEquals(new JsonPrimitive(3), chord.join().value());
    }

    @Test
    void chordReportsWhichHeaderCallFailed() {
        CompletableFuture<TaskResult> chord = canvas.chord(List.of(TaskCall.of("t", 1), TaskCall.of("t", 2)),
                TaskCall.of("sum"));

        futures.get(0).complete(ok(0, 1));
        futures.get(1).complete(failed(1, "boom"));

        TaskResult result = chord.join();
        assertEquals("chord header[1] (t) failed: boom", result.error());
        assertEquals(2, calls.size(), "the reducer must not run");
    }

    @Test
    void chordRefusesReducerArguments() {
        assertEquals("chord reducer (sum): its arguments are the header's values; leave them out",
                assertThrows(IllegalArgumentException.class,
                        () -> canvas.chord(List.of(), TaskCall.of("sum", 1))).getMessage());
    }

    @Test
    void chordCanReduceLocally() {
        CompletableFuture<Integer> okCount = canvas.chord(List.of(TaskCall.of("t"), TaskCall.of("t")),
                results -> (int) results.stream().filter(TaskResult::ok).count());

        futures.get(0).complete(ok(0, null));
        futures.get(1).complete(failed(1, "x"));

        assertEquals(1, okCount.join());
        assertTrue(okCount.isDone());
    }
}
