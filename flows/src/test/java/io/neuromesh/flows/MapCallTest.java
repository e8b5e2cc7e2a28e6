package io.neuromesh.flows;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MapCallTest {

    @Test
    void makesOneCallPerItemWithoutChunks() {
        List<TaskCall> calls = MapCall.of("echo", List.of("a", "b", "c")).calls();

        assertEquals(List.of("\"a\"", "\"b\"", "\"c\""), calls.stream().map(c -> c.args().toString()).toList());
    }

    @Test
    void cutsItemsIntoChunksInOrderWithAShortLastOne() {
        List<TaskCall> calls = MapCall.of("wordcount.count", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).chunks(3).calls();

        assertEquals(List.of("[1,2,3]", "[4,5,6]", "[7,8,9]", "[10]"), calls.stream().map(c -> c.args().toString()).toList());
    }

    @Test
    void wrapsEachItemInAnArrayForChunksOfOne() {
        assertEquals(List.of("[\"x\"]", "[\"y\"]"),
                MapCall.of("t", List.of("x", "y")).chunks(1).calls().stream().map(c -> c.args().toString()).toList());
    }

    @Test
    void passesRouteTimeoutAndRetriesToEveryCall() {
        List<TaskCall> calls = MapCall.of("t", List.of(1, 2)).onWorker("w2").timeout(Duration.ofSeconds(2)).retries(1)
                .chunks(5).calls();

        assertEquals(List.of(new TaskCall("t", calls.get(0).args(), Route.worker("w2"), Duration.ofSeconds(2), 1)), calls);
    }

    @Test
    void makesNoCallsForNoItems() {
        assertEquals(List.of(), MapCall.of("t", List.of()).chunks(4).calls());
    }

    @Test
    void rejectsChunksSmallerThanOne() {
        assertEquals("chunks: must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> MapCall.of("t", List.of()).chunks(0)).getMessage());
    }
}
