package io.neuromesh.flows.testing;

import io.neuromesh.flows.Task;
import io.neuromesh.flows.Worker;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A worker as its own OS process, for tests that kill workers:
 * {@code WorkerMain <broker> <name> <queue> <concurrency> <prefetch> <heartbeatMs>}. Prints {@code READY <name>} once
 * online. Besides the built-ins it runs {@code square}: {@code {"n":N,"ms":M}} sleeps M ms and returns N*N.
 */
public final class WorkerMain {

    /** Arguments of {@code square}. */
    public record Square(long n, long ms) {
    }

    private WorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Worker worker = Worker.builder().broker(args[0]).name(args[1]).queues(args[2])
                .concurrency(Integer.parseInt(args[3])).prefetch(Integer.parseInt(args[4]))
                .heartbeat(Duration.ofMillis(Long.parseLong(args[5]))).taskDir(null)
                .task(Task.of("square", Square.class, (square, context) -> {
                    // Not a wait but the task's work, so that a worker is killed with tasks in flight.
                    Thread.sleep(square.ms());
                    return square.n() * square.n();
                }))
                .link(l -> l.startTimeout(Duration.ofSeconds(20)))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }));
        worker.start();
        System.out.println("READY " + args[1]);
        System.out.flush();
        stopped.await();
    }
}
