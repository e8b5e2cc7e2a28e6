package io.neuromesh.flows.internal.worker;

import com.google.gson.JsonElement;
import io.neuromesh.flows.ErrorKind;
import io.neuromesh.flows.FlowTopics;
import io.neuromesh.flows.RetryableException;
import io.neuromesh.flows.Task;
import io.neuromesh.flows.Worker;
import io.neuromesh.flows.WorkerConfig;
import io.neuromesh.flows.WorkerState;
import io.neuromesh.flows.WorkerStats;
import io.neuromesh.flows.WorkerStatus;
import io.neuromesh.flows.internal.wire.Json;
import io.neuromesh.flows.internal.wire.ResultMessage;
import io.neuromesh.flows.internal.wire.RevokeMessages;
import io.neuromesh.flows.internal.wire.TaskEnvelopes;
import io.neuromesh.flows.internal.wire.TaskMessage;
import io.neuromesh.flows.internal.wire.Utf8;
import io.neuromesh.flows.internal.wire.WorkerPresence;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.Lifecycle;
import io.neuromesh.mqtt.LinkListener;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.mqtt.presence.Announcement;
import io.neuromesh.mqtt.presence.Announcer;
import org.tinylog.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link Worker} over one {@link MqttLink}. Task messages are decoded on the link's dispatch thread and become
 * {@link Job}s; jobs run on virtual threads within the concurrency slots; one timer thread fires timeouts; one sender
 * thread publishes results; an {@link Announcer} publishes the retained status, its heartbeats and the goodbye.
 */
public final class MqttWorker implements Worker {

    /** Jobs a worker keeps waiting for a slot before it refuses more (clients never send more than prefetch). */
    static final int MAX_WAITING = 10_000;
    /** Revoked ids remembered, so a revoked task that arrives late is still skipped. */
    private static final int REVOKED_MEMORY = 10_000;

    private final WorkerConfig config;
    private final TaskRegistry registry;
    private final MqttLink link;
    private final Announcer<WorkerStatus> announcer;
    private final ScheduledThreadPoolExecutor timers;
    private final ResultSender sender;
    private final Slots slots;
    private final Map<String, Job> active = new ConcurrentHashMap<>();
    /** Touched only on the link's dispatch thread. */
    private final Map<String, Boolean> revoked = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REVOKED_MEMORY;
        }
    };
    private final RunTimes runTimes = new RunTimes(WorkerStats.RUN_TIME_WINDOW);
    private final LongAdder processed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final Instant startedAt = Instant.now();
    private CompletableFuture<Void> announced;
    private final Lifecycle lifecycle = new Lifecycle();

    public MqttWorker(WorkerConfig config) {
        this.config = config;
        this.registry = TaskRegistry.load(config.taskDir(), config.tasks(), config.enabledTasks());
        Announcement<WorkerStatus> announcement = WorkerPresence.announcement(config.name(), config.heartbeat());
        this.link = MqttLink.create(announcement.on(config.link()));
        this.announcer = Announcer.create(link, announcement, () -> status(WorkerState.ONLINE),
                () -> status(WorkerState.OFFLINE));
        this.timers = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("flows-" + config.name() + "-timers").factory());
        this.timers.setRemoveOnCancelPolicy(true);
        this.sender = new ResultSender(link, config.name(), config.maxPayloadBytes());
        this.slots = new Slots(config.concurrency(), MAX_WAITING, this::execute);
    }

    @Override
    public WorkerConfig config() {
        return config;
    }

    @Override
    public Set<String> taskNames() {
        return registry.names();
    }

    @Override
    public Set<String> disabledTaskNames() {
        return registry.disabled();
    }

    @Override
    public Map<Path, List<String>> taskJars() {
        return registry.jarTasks();
    }

    @Override
    public void start() {
        lifecycle.start("worker " + config.name(), this::wire, () -> {
            link.start();
            awaitAnnounced();
        }, this::close);
    }

    /** Subscribes the queues, listens to the link, starts the sender and the announcer; the link connects after. */
    private void wire() {
        List<Subscription> tasks = new ArrayList<>();
        for (String queue : config.queues()) {
            tasks.add(Subscription.of(FlowTopics.sharedQueue(queue)));
        }
        tasks.add(Subscription.of(FlowTopics.worker(config.name())));
        link.subscribe(tasks, link.dispatcher(), this::onTasks);
        link.subscribe(List.of(Subscription.of(FlowTopics.REVOKE)), link.dispatcher(), this::onRevoke);
        link.addListener(new LinkListener() {
            @Override
            public void connected(boolean reconnect) {
                Logger.info("worker {} {} {}: queues {}, concurrency {}, prefetch {}", config.name(),
                        reconnect ? "reconnected to" : "online on", config.broker(), config.queues(),
                        config.concurrency(), config.prefetch());
            }
        });
        sender.start();
        announced = announcer.start();
        Logger.debug("worker {} starting with tasks {}", config.name(), registry.names());
    }

    /** Waits until the announcer published the first status on the connected link. */
    private void awaitAnnounced() {
        Duration timeout = config.link().startTimeout();
        try {
            announced.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MqttLinkException("worker " + config.name() + " connected to " + config.broker()
                    + " but did not announce itself within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new MqttLinkException("worker " + config.name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttLinkException("interrupted while worker " + config.name() + " was starting");
        }
    }

    @Override
    public WorkerStats stats() {
        Duration[] p = runTimes.percentiles(50, 95, 99);
        return new WorkerStats(processed.sum(), failed.sum(), retried.sum(), slots.running(), slots.waiting(), p[0],
                p[1], p[2]);
    }

    @Override
    public void close() {
        Lifecycle.Phase was = lifecycle.close();
        if (was == Lifecycle.Phase.CLOSED) {
            return;
        }
        timers.shutdownNow();
        // Says goodbye (offline, with the final counters) while the link is still up.
        announcer.close();
        link.close();
        sender.close();
        slots.close();
        active.values().stream().map(job -> job.thread).filter(Objects::nonNull).forEach(Thread::interrupt);
        active.clear();
        registry.close();
        if (was == Lifecycle.Phase.STARTED) { // not for one made only to check its tasks (as neuromesh edge does)
            Logger.info("worker {} stopped: {} processed, {} failed", config.name(), processed.sum(), failed.sum());
        }
    }

    // ---- presence (announcer thread) ----------------------------------------------------------------------------

    private WorkerStatus status(WorkerState state) {
        return new WorkerStatus(config.name(), state, config.queues(), List.copyOf(registry.names()),
                config.concurrency(), config.prefetch(), config.heartbeat(), stats(), startedAt, Instant.now());
    }

    // ---- receiving (link dispatch thread) -----------------------------------------------------------------------

    private void onTasks(InboundMessage message) {
        String reply = message.responseTopic();
        byte[] correlation = message.correlationData();
        if (message.payload().length > config.maxPayloadBytes()) {
            Logger.debug("worker {}: task message of {} bytes on {} refused", config.name(), message.payload().length,
                    message.topic());
            sender.error(reply, correlation, ErrorKind.TOO_LARGE, "task message of " + message.payload().length
                    + " bytes exceeds the " + config.maxPayloadBytes() + "-byte limit of worker " + config.name());
            return;
        }
        TaskEnvelopes.Decoded decoded = TaskEnvelopes.decode(message.payloadText(), config.defaultTimeout());
        if (decoded.error() != null) {
            Logger.debug("worker {}: malformed task message on {}: {}", config.name(), message.topic(), decoded.error());
            sender.error(reply, correlation, ErrorKind.MALFORMED, decoded.error());
        }
        for (TaskEnvelopes.Rejected rejected : decoded.rejected()) {
            reject(reply, correlation, rejected.id(), rejected.kind(), rejected.message());
        }
        for (TaskMessage task : decoded.tasks()) {
            accept(task, reply, correlation);
        }
    }

    private void accept(TaskMessage message, String reply, byte[] correlation) {
        String id = message.id();
        if (revoked.containsKey(id)) {
            reject(reply, correlation, id, ErrorKind.REVOKED, "revoked");
            return;
        }
        if (active.containsKey(id)) {
            // A redelivery of a task that is still here: its result will answer both.
            Logger.debug("worker {}: task {} is here already", config.name(), id);
            return;
        }
        Task<Object, Object> task = registry.get(message.task());
        if (task == null) {
            reject(reply, correlation, id, ErrorKind.UNKNOWN_TASK, "unknown task '" + message.task()
                    + "'; worker " + config.name() + " runs " + String.join(", ", registry.names()));
            return;
        }
        if (!registry.enabled(message.task())) {
            reject(reply, correlation, id, ErrorKind.NOT_ENABLED, registry.notEnabled(message.task(), config.name()));
            return;
        }
        Object args;
        try {
            args = Json.GSON.fromJson(message.args(), task.argumentType());
        } catch (RuntimeException e) {
            reject(reply, correlation, id, ErrorKind.BAD_ARGUMENTS, "bad arguments for '" + message.task() + "': "
                    + describe(rootCause(e)) + " (got " + abbreviate(message.args().toString()) + ")");
            return;
        }
        Job job = new Job(message, task, args, reply, correlation, config.name());
        active.put(id, job);
        if (!slots.submit(job)) {
            active.remove(id, job);
            reject(reply, correlation, id, ErrorKind.REJECTED, "worker " + config.name() + " has " + MAX_WAITING
                    + " tasks waiting already");
        }
    }

    private void onRevoke(InboundMessage message) {
        for (String id : RevokeMessages.decode(message.payloadText())) {
            revoked.put(id, Boolean.TRUE);
            Job job = active.get(id);
            if (job != null && slots.removeWaiting(job)) {
                finish(job, ResultMessage.failure(id, ErrorKind.REVOKED, "revoked", 0, Duration.ZERO), false);
            }
        }
    }

    private void reject(String reply, byte[] correlation, String id, ErrorKind kind, String error) {
        processed.increment();
        failed.increment();
        sender.result(reply, correlation, ResultMessage.failure(id, kind, error, 0, Duration.ZERO).toJson());
    }

    // ---- running (virtual threads) ------------------------------------------------------------------------------

    private void execute(Job job) {
        job.thread = Thread.currentThread();
        long start = System.nanoTime();
        for (int attempt = 1; !job.isDone(); attempt++) {
            job.attempt = attempt;
            int current = attempt;
            ScheduledFuture<?> timer;
            try {
                timer = timers.schedule(() -> timeout(job, current, start), job.message.timeout().toNanos(),
                        TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                return;
            }
            try {
                Object value = job.task.run(job.args, job);
                timer.cancel(false);
                finish(job, success(job, value, attempt, start), true);
                return;
            } catch (RetryableException e) {
                timer.cancel(false);
                if (job.isDone() || attempt > job.message.retries()) {
                    finish(job, ResultMessage.failure(job.taskId(), ErrorKind.FAILED, describe(e), attempt,
                            elapsed(start)), true);
                    return;
                }
                retried.increment();
                Duration delay = config.retryBackoff().delayBefore(attempt);
                Logger.debug("worker {}: task {} attempt {} failed ({}); retry in {} ms", config.name(), job.taskId(),
                        attempt, e.getMessage(), delay.toMillis());
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    return;
                }
            } catch (Throwable e) {
                timer.cancel(false);
                finish(job, ResultMessage.failure(job.taskId(), ErrorKind.FAILED, describe(e), attempt,
                        elapsed(start)), true);
                return;
            }
        }
    }

    private ResultMessage success(Job job, Object value, int attempt, long start) {
        JsonElement json;
        try {
            json = Json.GSON.toJsonTree(value, job.task.resultType());
        } catch (RuntimeException e) {
            return ResultMessage.failure(job.taskId(), ErrorKind.FAILED, "result cannot be encoded as JSON: "
                    + describe(e), attempt, elapsed(start));
        }
        return ResultMessage.success(job.taskId(), json, attempt, elapsed(start));
    }

    private void timeout(Job job, int attempt, long start) {
        if (job.attempt != attempt || job.isDone()) {
            return;
        }
        job.markTimedOut();
        if (finish(job, ResultMessage.failure(job.taskId(), ErrorKind.TIMEOUT, "timeout after "
                + job.message.timeout().toMillis() + " ms", attempt, elapsed(start)), true)) {
            Thread thread = job.thread;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /** Reports the one result of a job; false if another path reported it first. */
    private boolean finish(Job job, ResultMessage result, boolean heldSlot) {
        if (!job.claimResult()) {
            return false;
        }
        active.remove(job.taskId(), job);
        String line = result.toJson();
        if (Utf8.length(line) > sender.maxLineBytes()) {
            result = ResultMessage.failure(job.taskId(), ErrorKind.TOO_LARGE, "result of " + Utf8.length(line)
                    + " bytes exceeds the " + config.maxPayloadBytes() + "-byte payload limit", result.attempts(),
                    result.runTime());
            line = result.toJson();
        }
        processed.increment();
        if (!result.ok()) {
            failed.increment();
        }
        if (result.attempts() > 0) {
            runTimes.record(result.runTime());
        }
        sender.result(job.replyTopic, job.correlation, line);
        if (heldSlot) {
            slots.release();
        }
        Logger.debug("worker {}: task {} ({}) {}", config.name(), job.taskId(), job.message.task(),
                result.ok() ? "done" : result.kind().wireName() + ": " + result.error());
        return true;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The exception's message, or its class name when it has none. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Gson wraps what went wrong (a record's validation, a number format) in its own exceptions. */
    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
