package io.neuromesh.flows;

import io.neuromesh.flows.testing.WorkerMain;
import io.neuromesh.flows.testing.WorkerProcesses;
import io.neuromesh.flows.testing.Workers;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.OnEveryBroker;
import io.neuromesh.testkit.fleet.TestFleet;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At-least-once: a worker process killed with SIGKILL in the middle of a map loses no task, and neither does a
 * broker restart that cuts every connection.
 */
@Timeout(180)
class WorkerCrashIT {

    private static final int TASKS = 1000;

    @OnEveryBroker
    void aMapSurvivesAWorkerKilledMidRun(BrokerKind kind) throws Exception {
        try (TestFleet<ManagedProcess> fleet = TestFleet.builder(
                WorkerProcesses.starter("default", 2, 4, Duration.ofMillis(500))).broker(kind).start()) {
            fleet.start("crash1", "crash2", "crash3");
            try (FlowClient client = Workers.client(fleet)) {
                Workers.awaitOnline(client, "crash1", "crash2", "crash3");
                AtomicInteger done = new AtomicInteger();
                List<TaskFuture> futures = new ArrayList<>(TASKS);
                for (int n = 0; n < TASKS; n++) {
                    TaskFuture future = client.submit(TaskCall.of("square", new WorkerMain.Square(n, 6)));
                    future.thenRun(done::incrementAndGet);
                    futures.add(future);
                }
                await("a quarter of the results").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                        .until(() -> done.get() >= TASKS / 4);
                int before = done.get();
                fleet.node("crash2").kill9();
                System.out.println(kind + ": SIGKILL to crash2 after " + before + " of " + TASKS + " results");

                Map<String, Integer> perWorker = new TreeMap<>();
                for (int n = 0; n < TASKS; n++) {
                    TaskResult result = futures.get(n).join();
                    assertTrue(result.ok(), result::toString);
                    assertEquals((long) n * n, result.value(Long.class), "task " + n);
                    perWorker.merge(result.worker(), 1, Integer::sum);
                }
                System.out.println(kind + ": all " + TASKS + " results correct; per worker " + perWorker);
                assertTrue(done.get() - before > 0);
                assertTrue(perWorker.getOrDefault("crash2", 0) < TASKS / 3, perWorker::toString);
            }
        }
    }

    @Test
    void aMapSurvivesABrokerRestartInTheMiddle() throws Exception {
        try (TestFleet<Worker> fleet = TestFleet.builder(Workers.inProcess()).broker(BrokerKind.MOSQUITTO).start()) {
            fleet.start("restart1", Workers.inProcess(b -> b.concurrency(2)));
            fleet.start("restart2", Workers.inProcess(b -> b.concurrency(2)));
            try (FlowClient client = Workers.client(fleet)) {
                Workers.awaitOnline(client, "restart1", "restart2");
                AtomicInteger done = new AtomicInteger();
                List<TaskFuture> futures = new ArrayList<>();
                for (int n = 0; n < 300; n++) {
                    TaskFuture future = client.submit(TaskCall.of("sleep", 5));
                    future.thenRun(done::incrementAndGet);
                    futures.add(future);
                }
                await("60 results before the restart").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(5)).until(() -> done.get() >= 60);

                fleet.broker().restart();

                for (TaskFuture future : futures) {
                    TaskResult result = future.join();
                    assertTrue(result.ok(), result::toString);
                    assertEquals(5L, result.value(Long.class));
                }
            }
        }
    }
}
