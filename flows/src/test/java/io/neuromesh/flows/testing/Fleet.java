package io.neuromesh.flows.testing;

import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.Worker;
import io.neuromesh.flows.WorkerConfig;
import io.neuromesh.flows.WorkerStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** In-process workers on one broker for integration tests; closes them all. */
public final class Fleet implements AutoCloseable {

    public static final Duration READY = Duration.ofSeconds(15);

    private final String broker;
    private final List<Worker> workers = new ArrayList<>();

    public Fleet(String broker) {
        this.broker = broker;
    }

    /** Starts a worker named {@code name} with the test defaults (no task folder), customised by {@code setup}. */
    public Worker start(String name, UnaryOperator<WorkerConfig.Builder> setup) {
        Worker worker = setup.apply(Worker.builder().broker(broker).name(name).taskDir(null)
                .heartbeat(Duration.ofMillis(500))).build();
        workers.add(worker);
        worker.start();
        worker.awaitReady(READY);
        return worker;
    }

    public Worker start(String name) {
        return start(name, b -> b);
    }

    public List<Worker> workers() {
        return workers;
    }

    /** A started client on the same broker. */
    public FlowClient client() {
        return FlowClient.builder().broker(broker).build().start();
    }

    /** Waits until {@code client} has seen every worker online (their retained heartbeats arrived). */
    public static void awaitOnline(FlowClient client, String... names) throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (true) {
            List<String> online = client.workers().stream()
                    .filter(s -> s.state() == io.neuromesh.flows.WorkerState.ONLINE).map(WorkerStatus::worker).toList();
            if (online.containsAll(List.of(names))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("workers " + List.of(names) + " not all online; seen " + online);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        workers.forEach(Worker::close);
        workers.clear();
    }
}
