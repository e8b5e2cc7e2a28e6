package io.neuromesh.edge.internal.truth;

import io.neuromesh.topology.TopologyException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runtimes in one JVM that receive the same document share one parse of it. */
@Timeout(30)
class SharedParsesTest {

    /** A thread per caller: the common pool may have one thread on a 2-core machine, which would run them in turn. */
    private static final Executor OWN_THREAD = task -> Thread.ofPlatform().start(task);

    private final SharedParses shared = new SharedParses();
    private final AtomicInteger parses = new AtomicInteger();
    private final Function<byte[], Document> counting = bytes -> {
        parses.incrementAndGet();
        return Document.parseAlone(bytes);
    };

    private static byte[] doc(int rev) {
        return ("{\"rev\":" + rev + ",\"neurons\":[{\"id\":\"a\",\"threshold\":1}]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void equalBytesInAnotherArrayGiveTheSameDocumentParsedOnce() {
        Document first = shared.parse(doc(1), counting);
        Document second = shared.parse(doc(1), counting);
        assertSame(first, second);
        assertEquals(1, parses.get());
        assertNotSame(first, shared.parse(doc(2), counting), "other bytes, another document");
        assertEquals(2, parses.get());
    }

    @Test
    void aCallerArrivingDuringTheParseWaitsForItInsteadOfParsingAgain() throws Exception {
        List<CompletableFuture<Document>> callers = whileParsing(doc(1));
        assertSame(callers.get(0).get(5, TimeUnit.SECONDS), callers.get(1).get(5, TimeUnit.SECONDS));
        assertEquals(1, parses.get());
    }

    @Test
    void anInvalidDocumentFailsEveryWaiterWithItsErrorsAndIsParsedAgainLater() throws Exception {
        byte[] invalid = "{\"rev\":1,\"neurons\":[{\"id\":\"a\",\"threshold\":\"high\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        for (CompletableFuture<Document> caller : whileParsing(invalid)) {
            var failure = assertThrows(ExecutionException.class, () -> caller.get(5, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof TopologyException e
                    && e.errors().toString().contains("neurons[0].threshold"), failure.getCause().toString());
        }
        assertThrows(TopologyException.class, () -> shared.parse(invalid, counting));
        assertEquals(2, parses.get(), "the failure was not remembered");
    }

    /** Two callers of equal bytes in two arrays, the second arriving while the first one's parse is held. */
    private List<CompletableFuture<Document>> whileParsing(byte[] bytes) throws InterruptedException {
        CountDownLatch parsing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Function<byte[], Document> slow = held -> {
            parsing.countDown();
            await(finish);
            return counting.apply(held);
        };
        CompletableFuture<Document> first = CompletableFuture.supplyAsync(() -> shared.parse(bytes, slow), OWN_THREAD);
        assertTrue(parsing.await(5, TimeUnit.SECONDS));
        CompletableFuture<Document> second = CompletableFuture.supplyAsync(() -> shared.parse(bytes.clone(), slow),
                OWN_THREAD);
        Thread.sleep(200);
        assertFalse(second.isDone(), "waits for the parse under way");
        finish.countDown();
        return List.of(first, second);
    }

    @Test
    void aDocumentNoRuntimeHoldsAnyMoreIsForgottenAndParsedAnew() {
        shared.parse(doc(1), counting);
        // Only a weak reference remains: once the collector took the document, equal bytes are parsed again.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            System.gc();
            shared.parse(doc(1), counting);
            return parses.get() == 2;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
