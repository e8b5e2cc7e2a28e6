package io.neuromesh.bench.internal.fleet;

import io.neuromesh.flows.ClientConfig;
import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.Worker;
import io.neuromesh.flows.WorkerState;
import io.neuromesh.flows.WorkerStatus;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Task-flow workers in this JVM (default concurrency and prefetch, built-in tasks only) and one {@link FlowClient}
 * that has seen them all online.
 */
public final class Workers implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(15);

    private final List<Worker> workers = new ArrayList<>();
    private final FlowClient client;

    /** Starts {@code names} on the default queue and a client; returns once the client knows every one online. */
    public Workers(URI broker, List<String> names) throws InterruptedException {
        for (String name : names) {
            Worker worker = Worker.builder().broker(broker).name(name).queues(ClientConfig.DEFAULT_QUEUE).taskDir(null)
                    .link(l -> l.startTimeout(READY)).build();
            workers.add(worker);
            worker.start();
        }
        client = FlowClient.builder().broker(broker).connect();
        long deadline = System.nanoTime() + READY.toNanos();
        while (client.workers().stream().filter(s -> s.state() == WorkerState.ONLINE).map(WorkerStatus::worker)
                .filter(names::contains).count() < names.size()) {
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the client did not see workers " + names + " online within "
                        + READY.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
    }

    /** The client. */
    public FlowClient client() {
        return client;
    }

    /** {@code concurrency C, prefetch P} of the first worker, for notes. */
    public String settings() {
        return "concurrency " + workers.get(0).config().concurrency() + ", prefetch " + workers.get(0).config().prefetch();
    }

    @Override
    public void close() {
        client.close();
        workers.forEach(Worker::close);
    }
}
