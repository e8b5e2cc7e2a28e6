package io.neuromesh.flows.internal.submit;

import io.neuromesh.flows.ErrorKind;
import io.neuromesh.flows.Route;
import io.neuromesh.flows.TaskFuture;
import io.neuromesh.flows.TaskResult;
import io.neuromesh.flows.WorkerState;
import io.neuromesh.flows.WorkerStats;
import io.neuromesh.flows.WorkerStatus;
import io.neuromesh.flows.internal.wire.ResultMessage;
import io.neuromesh.flows.internal.wire.TaskEnvelopes;
import io.neuromesh.flows.internal.wire.TaskMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DispatcherTest {

    private static final long MS = 1_000_000L;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Route DEFAULT = Route.queue("default");

    private record Sent(String worker, long envelope, List<String> ids) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, TaskResult> completed = new LinkedHashMap<>();
    private final List<String> revoked = new ArrayList<>();
    private int completions;

    private final Dispatcher.Output output = new Dispatcher.Output() {
        @Override
        public void send(String worker, long envelope, List<Pending> tasks) {
            sent.add(new Sent(worker, envelope, tasks.stream().map(p -> p.id).toList()));
        }

        @Override
        public void complete(Pending pending, TaskResult result) {
            completions++;
            completed.put(pending.id, result);
        }

        @Override
        public void revoke(String id) {
            revoked.add(id);
        }
    };

    private Dispatcher dispatcher = new Dispatcher(output, 256 * 1024);

    private static Pending task(String id, Route route, Duration timeout, String args) {
        String line = new TaskMessage(id, "echo", args == null ? null : new com.google.gson.JsonPrimitive(args), timeout,
                0).toJson();
        return new Pending(id, "echo", route, timeout, line, line.length(), new TaskFuture(id, x -> false));
    }

    private static Pending task(String id) {
        return task(id, DEFAULT, TIMEOUT, null);
    }

    private static WorkerStatus online(String name, int prefetch, Duration heartbeat, String... queues) {
        return new WorkerStatus(name, WorkerState.ONLINE, List.of(queues), List.of("echo"), prefetch, prefetch,
                heartbeat, new WorkerStats(0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO), null, null);
    }

    private static WorkerStatus online(String name, int prefetch) {
        return online(name, prefetch, Duration.ofSeconds(2), "default");
    }

    private static ResultMessage ok(String id) {
        return ResultMessage.success(id, null, 1, Duration.ofMillis(1));
    }

    private List<String> sentTo(String worker) {
        return sent.stream().filter(s -> s.worker.equals(worker)).flatMap(s -> s.ids.stream()).toList();
    }

    @Test
    void givesEachWorkerAtMostItsPrefetch() {
        for (String w : List.of("w1", "w2", "w3")) {
            dispatcher.online(online(w, 2), 0);
        }
        for (int i = 1; i <= 10; i++) {
            dispatcher.submit(task("t" + i), 0);
        }

        assertEquals(List.of("t1", "t4"), sentTo("w1"));
        assertEquals(List.of("t2", "t5"), sentTo("w2"));
        assertEquals(List.of("t3", "t6"), sentTo("w3"));
        assertEquals(10, dispatcher.open());
    }

    @Test
    void refillsAWorkerWithOneMessageAsItsResultsArrive() {
        dispatcher.online(online("w1", 2), 0);
        dispatcher.online(online("w2", 2), 0);
        for (int i = 1; i <= 8; i++) {
            dispatcher.submit(task("t" + i), 0);
        }

        dispatcher.results("w1", List.of(ok("t1"), ok("t3")), 5 * MS);

        assertEquals(new Sent("w1", sent.size(), List.of("t5", "t6")), sent.get(sent.size() - 1));
        assertEquals(2, dispatcher.heldBy("w1"));
        assertTrue(completed.get("t1").ok());
        assertEquals("w1", completed.get("t3").worker());
    }

    @Test
    void completesEachTaskOnceWhenResultsRepeat() {
        dispatcher.online(online("w1", 2), 0);
        dispatcher.submit(task("t1"), 0);

        dispatcher.results("w1", List.of(ok("t1")), 1);
        dispatcher.results("w1", List.of(ok("t1")), 2);

        assertEquals(1, completions);
        assertEquals(0, dispatcher.heldBy("w1"));
    }

    @Test
    void sendsTheTasksOfAWorkerThatWentOfflineToAnotherInTheirOrder() {
        dispatcher.online(online("w1", 3), 0);
        for (int i = 1; i <= 3; i++) {
            dispatcher.submit(task("t" + i), 0);
        }
        dispatcher.online(online("w2", 5), 1);

        dispatcher.gone("w1", "went offline", 2);

        assertEquals(List.of("t1", "t2", "t3"), sentTo("w2"));
        assertFalse(dispatcher.isOnline("w1"));
        assertEquals(0, completions);
    }

    @Test
    void failsQueueTasksWhenNoWorkerAnswersWithinTheirTimeout() {
        dispatcher.submit(task("t1", Route.queue("q"), TIMEOUT, null), 0);

        dispatcher.tick(1_999 * MS);
        assertEquals(0, completions);

        dispatcher.tick(2_000 * MS);
        TaskResult result = completed.get("t1");
        assertEquals(ErrorKind.NO_WORKER, result.errorKind());
        assertEquals("no worker answered on queue 'q' within 2000 ms", result.error());
        assertEquals(0, dispatcher.open());
    }

    @Test
    void letsTasksWaitForBusyWorkersBeyondTheirTimeout() {
        dispatcher.online(online("w1", 1, Duration.ofSeconds(100), "default"), 0);
        for (int i = 1; i <= 3; i++) {
            dispatcher.submit(task("t" + i), 0);
        }

        dispatcher.tick(60_000 * MS);

        assertEquals(0, completions);
        assertEquals(List.of("t1"), sentTo("w1"));
    }

    @Test
    void routesNamedTasksOnlyToThatWorker() {
        dispatcher.online(online("w1", 10), 0);
        dispatcher.online(online("w2", 2), 0);
        for (int i = 1; i <= 4; i++) {
            dispatcher.submit(task("t" + i, Route.worker("w2"), TIMEOUT, null), 0);
        }

        assertEquals(List.of(), sentTo("w1"));
        assertEquals(List.of("t1", "t2"), sentTo("w2"));
        dispatcher.results("w2", List.of(ok("t1"), ok("t2")), 1);
        assertEquals(List.of("t1", "t2", "t3", "t4"), sentTo("w2"));
    }

    @Test
    void sendsQueueTasksOnlyToWorkersOfThatQueue() {
        dispatcher.online(online("a1", 5, Duration.ofSeconds(2), "alpha"), 0);
        dispatcher.online(online("b1", 5, Duration.ofSeconds(2), "beta"), 0);

        dispatcher.submit(task("t1", Route.queue("beta"), TIMEOUT, null), 0);

        assertEquals(List.of("t1"), sentTo("b1"));
        assertEquals(List.of(), sentTo("a1"));
    }

    @Test
    void failsNamedTasksForAWorkerThatNeverAppears() {
        dispatcher.online(online("w1", 10), 0);
        dispatcher.submit(task("t1", Route.worker("w9"), Duration.ofMillis(500), null), 0);

        dispatcher.tick(500 * MS);

        assertEquals("worker 'w9' did not answer within 500 ms (it is offline or unknown)",
                completed.get("t1").error());
    }

    @Test
    void revokesAWaitingTaskWithoutEverSendingIt() {
        dispatcher.submit(task("t1"), 0);

        assertTrue(dispatcher.revoke("t1", 1));
        dispatcher.online(online("w1", 5), 2);

        assertEquals(ErrorKind.REVOKED, completed.get("t1").errorKind());
        assertEquals(List.of(), sent);
        assertEquals(List.of(), revoked);
        assertFalse(dispatcher.revoke("t1", 3), "a completed task cannot be revoked again");
    }

    @Test
    void revokesAHeldTaskAndKeepsItsSlotUntilTheWorkerAnswers() {
        dispatcher.online(online("w1", 1), 0);
        dispatcher.submit(task("t1"), 0);
        dispatcher.submit(task("t2"), 0);

        dispatcher.revoke("t1", 1);
        assertEquals(List.of("t1"), revoked);
        assertEquals(List.of("t1"), sentTo("w1"));

        dispatcher.results("w1", List.of(ResultMessage.failure("t1", ErrorKind.REVOKED, "revoked", 0, Duration.ZERO)), 2);
        assertEquals(List.of("t1", "t2"), sentTo("w1"));
        assertEquals(1, completions);
    }

    @Test
    void splitsTasksForOneWorkerIntoMessagesWithinThePayloadLimit() {
        String args = "x".repeat(400);
        int lineBytes = task("t1", DEFAULT, TIMEOUT, args).line.length();
        int limit = TaskEnvelopes.envelopeBytes(2, 2L * lineBytes);
        dispatcher = new Dispatcher(output, limit);
        for (int i = 1; i <= 5; i++) {
            dispatcher.submit(task("t" + i, DEFAULT, TIMEOUT, args), 0);
        }

        dispatcher.online(online("w1", 10), 1);

        assertEquals(List.of(List.of("t1", "t2"), List.of("t3", "t4"), List.of("t5")),
                sent.stream().map(Sent::ids).toList());
    }

    @Test
    void failsEveryTaskOfAMessageTheWorkerCouldNotRead() {
        dispatcher.online(online("w1", 1), 0);
        dispatcher.online(online("w2", 1), 0);
        dispatcher.submit(task("t1"), 0);
        dispatcher.submit(task("t2"), 0);
        long envelopeOfT1 = sent.get(0).envelope;

        dispatcher.envelopeFailed("w1", envelopeOfT1, ErrorKind.TOO_LARGE, "too big", 1);

        assertEquals(ErrorKind.TOO_LARGE, completed.get("t1").errorKind());
        assertEquals("too big", completed.get("t1").error());
        assertFalse(completed.containsKey("t2"));
    }

    @Test
    void sendsEverythingInFlightAgainAfterTheClientReconnects() {
        dispatcher.online(online("w1", 2), 0);
        dispatcher.submit(task("t1"), 0);
        dispatcher.submit(task("t2"), 0);

        dispatcher.resendAll(1);

        assertEquals(List.of("t1", "t2", "t1", "t2"), sentTo("w1"));
    }

    @Test
    void closesEveryOpenTask() {
        dispatcher.online(online("w1", 1), 0);
        dispatcher.submit(task("t1"), 0);
        dispatcher.submit(task("t2"), 0);

        dispatcher.closeAll();

        assertEquals(List.of(ErrorKind.CLOSED, ErrorKind.CLOSED),
                completed.values().stream().map(TaskResult::errorKind).toList());
        assertEquals(0, dispatcher.open());
    }
}
