package io.neuromesh.cli.internal.command.record;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM while {@code record} runs: the recording ends as at its {@code --for} limit (its end line
 * written, the summary printed) before the JVM exits, with the signal's exit status (130, 143). A shutdown hook asks
 * the recording loop to stop and waits for it, at most {@link #FINISH}.
 *
 * <p>Threading: {@link #requested()} from the recording thread; the hook runs on its own thread.
 */
final class EarlyStop implements AutoCloseable {

    /** How long the hook waits for the recording to finish its file before the JVM exits anyway. */
    private static final Duration FINISH = Duration.ofSeconds(5);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stop, "neuromesh-record-stop");
    private volatile boolean requested;

    EarlyStop() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return true once a signal asked the recording to end */
    boolean requested() {
        return requested;
    }

    private void stop() {
        requested = true;
        try {
            finished.await(FINISH.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The recording is finished (or failed): a signal from now on ends the JVM at once. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it returns now that the recording is finished.
        }
    }
}
