package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.internal.brain.BrainLoop;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells a stuck brain thread from a busy one, on a thread of its own: the brain is stuck when it made no progress
 * ({@link BrainLoop#aliveNanos()}: no task started or finished, no broker call under way) for {@link #HANG} plus the
 * node's {@code --offline-after} (5.5 s by default: as long as a brain stuck for {@link #HANG} took to be noticed
 * when it only silenced the heartbeats) while it used no CPU (a lock, a call that does not return), or for
 * {@link #BUSY_LIMIT} while it did (a loop that does not end). A brain computing for seconds (placing 10,000 neurons
 * on a machine shared by 100 runtimes) is busy, not stuck: taking its neurons away would only move the work. The
 * node then says so at once ({@code offline}, reason {@code brain stalled}), so that its peers take its neurons over
 * whatever its heartbeat interval, and says {@code online} again when the brain runs. A check that comes late means the whole process stalled (a GC pause,
 * SIGSTOP): the brain is not blamed for that time.
 */
final class BrainWatchdog implements AutoCloseable {

    /** A brain thread without progress for this long, plus {@code --offline-after}, counts as stuck. */
    static final Duration HANG = Duration.ofSeconds(2);
    /** A brain computing without finishing a task for this long counts as stuck too. */
    static final Duration BUSY_LIMIT = Duration.ofSeconds(30);
    /** The brain counts as computing when its CPU time grew within this window (a starved thread still gets some). */
    private static final long COMPUTING_NANOS = Duration.ofSeconds(1).toNanos();

    private final String node;
    private final BrainLoop brain;
    private final long periodNanos;
    private final long lateNanos;
    private final long hangNanos;
    private final Runnable changed;
    private final ScheduledExecutorService thread;
    private volatile boolean stalled;
    private long lastCheck;
    private long lastCpu = -1;
    /** When the brain thread's CPU time last grew. */
    private long cpuGrew;

    /**
     * @param period  how often the brain is checked
     * @param late    a check this much later than due means the process stalled, not the brain
     * @param hang    no progress for this long (without using CPU) is stuck: {@link #HANG} + {@code --offline-after}
     * @param changed called on the watchdog's thread when {@link #stalled()} changes
     */
    BrainWatchdog(String node, BrainLoop brain, Duration period, Duration late, Duration hang, Runnable changed) {
        this.node = node;
        this.brain = brain;
        this.periodNanos = period.toNanos();
        this.lateNanos = late.toNanos();
        this.hangNanos = hang.toNanos();
        this.changed = changed;
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("presence-" + node + "-watchdog").factory());
    }

    void start() {
        thread.execute(() -> lastCheck = System.nanoTime());
        thread.scheduleAtFixedRate(this::check, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** True while the brain thread is stuck. Thread-safe. */
    boolean stalled() {
        return stalled;
    }

    private void check() {
        long now = System.nanoTime();
        if (now - lastCheck > periodNanos + lateNanos) {
            brain.forgive(now - periodNanos);
        }
        lastCheck = now;
        long cpu = brain.cpuNanos();
        if (cpu > lastCpu) {
            cpuGrew = now;
        }
        lastCpu = cpu;
        boolean computing = cpu >= 0 && now - cpuGrew < COMPUTING_NANOS;
        long silent = now - brain.aliveNanos();
        // Once stuck, the brain counts stuck until it finishes a task again: no flapping while it computes by fits.
        boolean hung = silent > hangNanos && (stalled || !computing || silent > BUSY_LIMIT.toNanos());
        if (hung == stalled) {
            return;
        }
        stalled = hung;
        if (hung) {
            Logger.warn("node {}: brain thread stuck for {} ms: offline (brain stalled) until it runs again, its"
                    + " neurons move to its peers; it is at:{}", node, silent / 1_000_000, brain.stack());
        } else {
            Logger.info("node {}: brain thread runs again: online", node);
        }
        changed.run();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
