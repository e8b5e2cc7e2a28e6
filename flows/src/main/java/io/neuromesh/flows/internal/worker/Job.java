package io.neuromesh.flows.internal.worker;

import io.neuromesh.flows.Task;
import io.neuromesh.flows.TaskContext;
import io.neuromesh.flows.internal.wire.TaskMessage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** One accepted task on a worker, from arrival to its one result. Also the task's {@link TaskContext}. */
final class Job implements TaskContext {

    final TaskMessage message;
    final Task<Object, Object> task;
    final Object args;
    final String replyTopic;
    final byte[] correlation;
    private final String worker;
    private final AtomicBoolean done = new AtomicBoolean();
    volatile Thread thread;
    volatile int attempt;
    private volatile boolean timedOut;

    Job(TaskMessage message, Task<Object, Object> task, Object args, String replyTopic, byte[] correlation,
        String worker) {
        this.message = message;
        this.task = task;
        this.args = args;
        this.replyTopic = replyTopic;
        this.correlation = correlation;
        this.worker = worker;
    }

    /** True for the one caller that gets to report this job's result. */
    boolean claimResult() {
        return done.compareAndSet(false, true);
    }

    boolean isDone() {
        return done.get();
    }

    void markTimedOut() {
        timedOut = true;
    }

    @Override
    public String taskId() {
        return message.id();
    }

    @Override
    public String worker() {
        return worker;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Duration timeout() {
        return message.timeout();
    }

    @Override
    public boolean isCancelled() {
        return timedOut;
    }
}
