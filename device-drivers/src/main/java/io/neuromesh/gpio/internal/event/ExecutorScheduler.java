package io.neuromesh.gpio.internal.event;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/** The real {@link Scheduler}: one daemon thread of a {@link ScheduledThreadPoolExecutor}. */
public final class ExecutorScheduler implements Scheduler {

    private final ScheduledThreadPoolExecutor executor;

    /**
     * @param threadName name of the scheduler thread, shown in logs and thread dumps
     */
    public ExecutorScheduler(String threadName) {
        // Daemon: a forgotten port must not keep the JVM alive.
        executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name(threadName).factory());
        // Debounce cancels a timer on every bounce; without this the queue would keep them until they expire.
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(() -> runLogged(task));
        } catch (RejectedExecutionException closed) {
            Logger.debug("GPIO event dropped: the port is closed");
        }
    }

    @Override
    public Timer schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> future = executor.schedule(() -> runLogged(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            Logger.debug("GPIO timer dropped: the port is closed");
            return () -> { };
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            Logger.warn(e, "GPIO event task failed");
        }
    }
}
