package io.neuromesh.edge.internal.brain;

import io.neuromesh.edge.internal.port.Scheduler;

import org.tinylog.Logger;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The brain thread: one platform thread that takes {@link BrainEvent}s in order and runs the brain's own scheduled
 * continuations. It also records when it last made progress, so a watchdog on another thread can tell it hangs:
 * starting a task is progress (a backlog of events is work, not a hang), and so is waiting for the broker or for
 * work another thread does for this brain ({@link #awaitElsewhere}): a subscribe or a retained read is bounded by the
 * link's timeouts, and when the broker is slow for the whole fleet, moving this node's neurons elsewhere would only add
 * to its load.
 *
 * <p>The brain's state is guarded by one turn lock, not by the thread: {@link #offer} lets the thread an event arrives
 * on (the MQTT client's callback thread) handle it itself when the brain is idle, which saves a thread wake-up per hop.
 * Every task of the brain thread takes the same lock, so handling stays one event at a time, and an event is handled
 * on arrival only when nothing posted earlier is still waiting or running, so their order stays.
 */
public final class BrainLoop implements Scheduler {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Tasks an event handled on arrival may run after itself, in its turn, before the rest go to the brain thread. */
    private static final int ON_ARRIVAL_TASKS = 64;

    private final String threadName;
    /** The brain thread once started (its CPU time tells computing from stuck). */
    private volatile Thread thread;
    private final ScheduledThreadPoolExecutor executor;
    private final ReentrantLock turn = new ReentrantLock();
    /** Tasks posted to run now that have not finished: while any waits, an offered event must queue behind it. */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Consumer<BrainEvent> handler = e -> {
    };
    /** Which offered events may be handled on the offering thread (asked under the turn). */
    private volatile Predicate<BrainEvent> onArrival = e -> false;
    /** True while an event is handled on arrival; under the turn only. */
    private boolean arrivalTurn;
    /** Tasks scheduled to run now by the event handled on arrival, in order; under the turn only. */
    private final ArrayDeque<Runnable> afterArrival = new ArrayDeque<>();
    private volatile long aliveNanos = System.nanoTime();
    /** Waits for the broker or another thread the brain thread is blocked in now (written under the turn only). */
    private volatile int waitsElsewhere;
    private final LongAdder failures;

    public BrainLoop(String node) {
        this(node, new LongAdder());
    }

    /** @param failures counts the tasks and events whose handling threw (each is logged with its stack) */
    public BrainLoop(String node, LongAdder failures) {
        this.failures = failures;
        this.threadName = "neuromesh-" + node + "-brain";
        ThreadFactory platform = Thread.ofPlatform().daemon().name(threadName).factory();
        this.executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread created = platform.newThread(task);
            thread = created;
            return created;
        });
        this.executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * Where events go, and which offered ones may be handled on the thread they arrive on when the brain is idle
     * ({@link #offer}; asked under the turn); set once, before the first event is posted.
     */
    public void handler(Consumer<BrainEvent> handler, Predicate<BrainEvent> onArrival) {
        this.handler = handler;
        this.onArrival = onArrival;
    }

    /** Starts the liveness beat: every {@code period}, the thread notes that it runs. */
    public void start(Duration period) {
        long ms = period.toMillis();
        executor.scheduleAtFixedRate(() -> aliveNanos = System.nanoTime(), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Any thread: hands an event to the brain thread; never blocks. */
    public void post(BrainEvent event) {
        now(() -> handler.accept(event));
    }

    /**
     * Any thread but the brain's: handles {@code event} on this thread if the brain is idle (nothing posted is waiting
     * or running, no other thread holds the turn) and the handler allows it, otherwise posts it. Never waits for the
     * brain.
     */
    public void offer(BrainEvent event) {
        if (pending.get() == 0 && !executor.isShutdown() && !turn.isHeldByCurrentThread() && turn.tryLock()) {
            try {
                // Re-checked under the lock: a task posted just before must run first.
                if (pending.get() == 0 && onArrival.test(event)) {
                    aliveNanos = System.nanoTime();
                    handleOnArrival(event);
                    return;
                }
            } finally {
                turn.unlock();
            }
        }
        post(event);
    }

    /**
     * Under the turn: handles {@code event}, then what it scheduled to run now (e.g. inputs to neurons of this node),
     * in order: that would otherwise wake the brain thread in the middle of the hop. Bounded, so that a local cycle
     * of neurons cannot keep the offering thread: the rest goes to the brain thread, in order.
     */
    private void handleOnArrival(BrainEvent event) {
        arrivalTurn = true;
        try {
            handler.accept(event);
            for (int i = 0; i < ON_ARRIVAL_TASKS && !afterArrival.isEmpty(); i++) {
                afterArrival.pollFirst().run();
            }
        } finally {
            arrivalTurn = false;
            while (!afterArrival.isEmpty()) {
                now(afterArrival.pollFirst());
            }
        }
    }

    /** Whether the calling thread is the brain thread (not a thread handling an offered event). */
    public boolean onBrainThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Any thread: posts {@code event} unless one posted with the same {@code queued} flag still waits; the waiting one
     * sees the same news when it runs (e.g. a peer's status: N peers' heartbeats cost one event, not N). Never blocks.
     */
    public void postOnce(AtomicBoolean queued, BrainEvent event) {
        if (queued.compareAndSet(false, true)) {
            now(() -> {
                queued.set(false);
                handler.accept(event);
            });
        }
    }

    /**
     * Any thread: posts {@code event}, a snapshot that supersedes the one posted with the same {@code slot} if that
     * one still waits (e.g. the online nodes: ten Last Wills in a row cost the brain one placement, not ten); the
     * waiting one's turn then delivers this one. Never blocks.
     */
    public void postLatest(AtomicReference<BrainEvent> slot, BrainEvent event) {
        if (slot.getAndSet(event) == null) {
            now(() -> handler.accept(slot.getAndSet(null)));
        }
    }

    @Override
    public void schedule(Runnable task, long delayMicros) {
        if (delayMicros <= 0 && turn.isHeldByCurrentThread() && arrivalTurn) {
            afterArrival.addLast(task);
        } else if (delayMicros <= 0) {
            now(task);
        } else {
            executor.schedule(() -> inTurn(task), delayMicros, TimeUnit.MICROSECONDS);
        }
    }

    /**
     * Any thread: runs {@code task} on the brain thread as soon as it can, in its turn, even when called while an event
     * is handled on arrival (for work that may wait, which the offering thread must not).
     */
    public void toBrainThread(Runnable task) {
        now(task);
    }

    /** Runs {@code task} on the brain thread as soon as it can; counted as pending until it has run. */
    private void now(Runnable task) {
        pending.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    inTurn(task);
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
    }

    private void inTurn(Runnable task) {
        turn.lock();
        try {
            aliveNanos = System.nanoTime();
            task.run();
        } catch (RuntimeException | Error e) {
            // The executor would keep it in the task's future, which nobody reads: the failure would vanish, and the
            // node go on half-done without a word (a subscribe that timed out during an apply left a node of a large
            // fleet with its neurons' filters subscribed and none of its neurons built).
            failures.increment();
            Logger.error(e, "{}: handling an event failed; going on with the next: {}", threadName, e.toString());
        } finally {
            turn.unlock();
        }
    }

    /**
     * Brain thread: runs {@code call}, which blocks until the broker answers (bounded by the link's timeouts) or
     * another thread finishes work for this brain (a placement another runtime of this JVM computes); the watchdog
     * counts that time as progress.
     */
    @Override
    public <T> T awaitElsewhere(Supplier<T> call) {
        waitsElsewhere++;
        try {
            return call.get();
        } finally {
            waitsElsewhere--;
            aliveNanos = System.nanoTime();
        }
    }

    /** Any thread but the brain's: runs {@code query} on the brain thread and waits for its answer. */
    public <T> T call(Callable<T> query) {
        FutureTask<T> task = new FutureTask<>(query);
        post(new BrainEvent.Query(task));
        try {
            return task.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(threadName + " did not answer: " + e);
        }
    }

    /** When the brain thread last made progress ({@link System#nanoTime()}): now while it waits elsewhere. */
    public long aliveNanos() {
        return waitsElsewhere > 0 ? System.nanoTime() : aliveNanos;
    }

    /** A stalled process could not run the beat either: count the brain alive as of {@code nanos}. */
    public void forgive(long nanos) {
        aliveNanos = Math.max(aliveNanos, nanos);
    }

    /**
     * CPU time the brain thread has used, in nanoseconds; -1 when the JVM cannot tell (or the thread has not started).
     * A thread that uses CPU computes; one that does not waits (a lock, a call that does not return).
     */
    public long cpuNanos() {
        Thread t = thread;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return t == null || !threads.isThreadCpuTimeSupported() ? -1 : threads.getThreadCpuTime(t.threadId());
    }

    /** Where the brain thread is now, for a hang report. */
    public String stack() {
        StringBuilder trace = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            if (thread.getName().equals(threadName)) {
                for (StackTraceElement frame : frames) {
                    trace.append(System.lineSeparator()).append("    at ").append(frame);
                }
            }
        });
        return trace.toString();
    }

    /** Stops the thread, waiting up to {@code wait} for the running task. */
    public void close(Duration wait) {
        executor.shutdownNow();
        if (!wait.isZero()) {
            try {
                executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
