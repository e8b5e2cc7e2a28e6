package io.neuromesh.flows.testing;

import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.Worker;
import io.neuromesh.flows.WorkerConfig;
import io.neuromesh.flows.WorkerState;
import io.neuromesh.flows.WorkerStatus;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.TestFleet;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flows side of {@link TestFleet}: how to start an in-process worker with the test defaults, a client on the
 * fleet's broker, and the wait for workers to be seen online. Broker, workers and shutdown are the fleet's.
 */
public final class Workers {

    public static final Duration READY = Duration.ofSeconds(15);

    private Workers() {
    }

    /** In-process workers with the test defaults (no task folder, 500 ms heartbeat), ready when returned. */
    public static NodeStarter<Worker> inProcess() {
        return inProcess(b -> b);
    }

    /** In-process workers with the test defaults customised by {@code setup}, ready when returned. */
    public static NodeStarter<Worker> inProcess(UnaryOperator<WorkerConfig.Builder> setup) {
        return (name, broker) -> {
            Worker worker = setup.apply(Worker.builder().broker(broker).name(name).taskDir(null)
                    .heartbeat(Duration.ofMillis(500)).link(l -> l.startTimeout(READY))).build();
            worker.start();
            return worker;
        };
    }

    /** A started client on the fleet's broker. */
    public static FlowClient client(TestFleet<?> fleet) {
        return FlowClient.builder().broker(fleet.uri()).connect();
    }

    /** Waits until {@code client} has seen every worker online (their retained heartbeats arrived). */
    public static void awaitOnline(FlowClient client, String... names) {
        await().atMost(READY).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> assertTrue(
                online(client).containsAll(List.of(names)),
                () -> "workers " + List.of(names) + " not all online; seen " + online(client)));
    }

    private static List<String> online(FlowClient client) {
        return client.workers().stream().filter(s -> s.state() == WorkerState.ONLINE).map(WorkerStatus::worker).toList();
    }
}
