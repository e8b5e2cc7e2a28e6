package io.neuromesh.flows.internal.submit;

import io.neuromesh.flows.ClientConfig;
import io.neuromesh.flows.ErrorKind;
import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.FlowTopics;
import io.neuromesh.flows.MapCall;
import io.neuromesh.flows.Route;
import io.neuromesh.flows.TaskCall;
import io.neuromesh.flows.TaskFuture;
import io.neuromesh.flows.TaskResult;
import io.neuromesh.flows.WorkerState;
import io.neuromesh.flows.WorkerStatus;
import io.neuromesh.flows.internal.canvas.Canvas;
import io.neuromesh.flows.internal.wire.ResultEnvelopes;
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
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.mqtt.presence.GoneReason;
import io.neuromesh.mqtt.presence.PresenceEvent;
import io.neuromesh.mqtt.presence.PresenceWatcher;
import org.tinylog.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link FlowClient} over one {@link MqttLink}. One dispatch thread owns the {@link Dispatcher} (submissions,
 * replies, the presence watcher's events and a periodic tick all run there); one callback thread completes the
 * futures, so user code never stalls dispatching. No thread per task.
 */
public final class MqttFlowClient implements FlowClient {

    /** How often waiting tasks and worker liveness are checked. */
    static final Duration TICK = Duration.ofMillis(50);
    private static final String ENVELOPE_PREFIX = "e";

    private final ClientConfig config;
    private final MqttLink link;
    private final ScheduledThreadPoolExecutor dispatch;
    private final ExecutorService callbacks;
    private final Dispatcher dispatcher;
    private final PresenceWatcher<WorkerStatus> presence;
    private final Canvas canvas = new Canvas(this::submit);
    private final Map<String, WorkerStatus> statuses = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final String replyTopic;
    private final Lifecycle lifecycle = new Lifecycle();

    public MqttFlowClient(ClientConfig config) {
        this.config = config;
        this.replyTopic = FlowTopics.replies(config.clientId());
        this.link = MqttLink.create(config.link());
        this.dispatch = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("flows-" + config.clientId() + "-dispatch").factory());
        this.callbacks = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("flows-" + config.clientId() + "-callbacks").factory());
        this.dispatcher = new Dispatcher(new Output(), config.maxPayloadBytes());
        this.presence = PresenceWatcher.builder(link, FlowTopics.STATUS_FILTER, WorkerPresence.CODEC)
                .offlineAfter(WorkerPresence.FALLBACK_OFFLINE_AFTER).checkEvery(TICK)
                .listener(dispatch, this::onPresence).build();
    }

    @Override
    public ClientConfig config() {
        return config;
    }

    @Override
    public void start() {
        lifecycle.start("flow client " + config.clientId(), this::wire, link::start, this::close);
    }

    /** Subscribes the replies and the worker statuses and schedules the dispatcher; the link connects afterwards. */
    private void wire() {
        link.subscribe(List.of(Subscription.of(replyTopic)), dispatch, this::onReply);
        presence.start();
        link.addListener(new LinkListener() {
            @Override
            public void connected(boolean reconnect) {
                if (reconnect) {
                    // Results published while we were away are gone (clean session): ask again.
                    dispatch.execute(() -> dispatcher.resendAll(System.nanoTime()));
                }
            }
        });
        dispatch.scheduleWithFixedDelay(() -> dispatcher.tick(System.nanoTime()), TICK.toMillis(), TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        Logger.debug("flow client {} connecting to {}", config.clientId(), config.broker());
    }

    @Override
    public TaskFuture submit(TaskCall call) {
        if (lifecycle.phase() == Lifecycle.Phase.NEW) {
            throw new IllegalStateException("flow client " + config.clientId() + " is not started; call start() first");
        }
        Route route = call.route() != null ? call.route() : Route.queue(config.defaultQueue());
        Duration timeout = call.timeout() != null ? call.timeout() : config.defaultTimeout();
        int retries = call.retries() != null ? call.retries() : config.defaultRetries();
        String id = config.clientId() + "-" + ids.incrementAndGet();
        TaskFuture future = new TaskFuture(id, this::revoke);
        if (lifecycle.phase() == Lifecycle.Phase.CLOSED) {
            completeLater(future, closedResult(id, call.task()));
            return future;
        }
        String line = new TaskMessage(id, call.task(), call.args(), timeout, retries).toJson();
        long bytes = Utf8.length(line);
        long envelopeBytes = TaskEnvelopes.envelopeBytes(1, bytes);
        if (envelopeBytes > config.maxPayloadBytes()) {
            completeLater(future, TaskResult.failure(id, call.task(), ErrorKind.TOO_LARGE, "task message of "
                    + envelopeBytes + " bytes exceeds the " + config.maxPayloadBytes() + "-byte payload limit", null,
                    0, Duration.ZERO));
            return future;
        }
        Pending pending = new Pending(id, call.task(), route, timeout, line, bytes, future);
        try {
            dispatch.execute(() -> dispatcher.submit(pending, System.nanoTime()));
        } catch (RejectedExecutionException closed) {
            completeLater(future, closedResult(id, call.task()));
        }
        return future;
    }

    @Override
    public CompletableFuture<List<TaskResult>> group(List<TaskCall> calls) {
        return canvas.group(calls);
    }

    @Override
    public CompletableFuture<TaskResult> chain(List<TaskCall> calls) {
        return canvas.chain(calls);
    }

    @Override
    public CompletableFuture<TaskResult> chord(List<TaskCall> header, TaskCall reducer) {
        return canvas.chord(header, reducer);
    }

    @Override
    public <T> CompletableFuture<T> chord(List<TaskCall> header, Function<List<TaskResult>, T> reducer) {
        return canvas.chord(header, reducer);
    }

    @Override
    public CompletableFuture<List<TaskResult>> map(MapCall map) {
        return canvas.group(map.calls());
    }

    @Override
    public boolean revoke(String taskId) {
        try {
            return CompletableFuture.supplyAsync(() -> dispatcher.revoke(taskId, System.nanoTime()), dispatch).join();
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    @Override
    public List<WorkerStatus> workers() {
        List<WorkerStatus> list = new ArrayList<>(statuses.values());
        list.sort(Comparator.comparing(WorkerStatus::worker));
        return list;
    }

    @Override
    public Set<String> silentWorkers() {
        // Presence counts a worker online; one whose last status says online but that it does not count is silent.
        Map<String, WorkerStatus> counted = presence.online();
        return statuses.values().stream()
                .filter(s -> s.state() == WorkerState.ONLINE && !counted.containsKey(s.worker()))
                .map(WorkerStatus::worker).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void close() {
        if (lifecycle.close() == Lifecycle.Phase.CLOSED) {
            return;
        }
        try {
            CompletableFuture.runAsync(dispatcher::closeAll, dispatch).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            Logger.debug("flow client {}: closing the dispatcher: {}", config.clientId(), e.toString());
        }
        presence.close();
        dispatch.shutdownNow();
        link.close();
        // Lets the CLOSED results queued above reach their futures.
        callbacks.shutdown();
    }

    // ---- inbound (dispatch thread) ------------------------------------------------------------------------------

    private void onReply(InboundMessage message) {
        ResultEnvelopes.Decoded decoded;
        try {
            decoded = ResultEnvelopes.decode(message.payloadText());
        } catch (IllegalArgumentException e) {
            Logger.warn("flow client {}: unreadable reply on {}: {}", config.clientId(), message.topic(), e.getMessage());
            return;
        }
        long now = System.nanoTime();
        if (decoded.error() != null) {
            Long envelope = envelopeOf(message.correlationData());
            Logger.debug("flow client {}: worker {} refused task message {}: {}", config.clientId(), decoded.worker(),
                    envelope, decoded.error());
            if (envelope != null) {
                dispatcher.envelopeFailed(decoded.worker(), envelope, decoded.kind(), decoded.error(), now);
            }
        }
        dispatcher.results(decoded.worker(), decoded.results(), now);
    }

    private void onPresence(PresenceEvent<WorkerStatus> event) {
        long now = System.nanoTime();
        switch (event) {
            case PresenceEvent.Heard<WorkerStatus> heard -> {
                remember(heard.status());
                if (heard.status().state() == WorkerState.ONLINE && dispatcher.isOnline(heard.peer())) {
                    dispatcher.online(heard.status(), now);
                }
            }
            case PresenceEvent.Joined<WorkerStatus> joined -> dispatcher.online(joined.status(), now);
            case PresenceEvent.Left<WorkerStatus> left -> dispatcher.gone(left.peer(), gone(left.reason()), now);
            // A cleared retained status: the operator removed the worker.
            case PresenceEvent.Forgotten<WorkerStatus> forgotten -> statuses.remove(forgotten.peer());
            case PresenceEvent.Forgiven<WorkerStatus> forgiven -> {
                // The watcher already kept the workers online over the time it could not listen.
            }
        }
    }

    private static String gone(GoneReason reason) {
        return switch (reason) {
            case SAID_OFFLINE -> "went offline";
            case SILENT -> "missed " + WorkerPresence.MISSED_HEARTBEATS + " heartbeats";
            case CLEARED -> "was removed";
        };
    }

    /** Keeps the status for {@link #workers()}; the Last Will carries no details, so the last known ones stay. */
    private void remember(WorkerStatus status) {
        WorkerStatus previous = statuses.get(status.worker());
        statuses.put(status.worker(), status.state() == WorkerState.OFFLINE && previous != null
                && status.queues().isEmpty()
                ? new WorkerStatus(status.worker(), WorkerState.OFFLINE, previous.queues(), previous.tasks(),
                previous.concurrency(), previous.prefetch(), previous.heartbeat(), previous.stats(),
                previous.startedAt(), previous.timestamp())
                : status);
    }

    private static Long envelopeOf(byte[] correlation) {
        if (correlation == null) {
            return null;
        }
        String text = new String(correlation, StandardCharsets.UTF_8);
        if (!text.startsWith(ENVELOPE_PREFIX)) {
            return null;
        }
        try {
            return Long.parseLong(text.substring(ENVELOPE_PREFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- outbound -----------------------------------------------------------------------------------------------

    private void completeLater(TaskFuture future, TaskResult result) {
        try {
            callbacks.execute(() -> future.complete(result));
        } catch (RejectedExecutionException closed) {
            future.complete(result);
        }
    }

    private static TaskResult closedResult(String id, String task) {
        return TaskResult.failure(id, task, ErrorKind.CLOSED, "the client was closed before a result arrived", null,
                0, Duration.ZERO);
    }

    private final class Output implements Dispatcher.Output {
        @Override
        public void send(String worker, long envelope, List<Pending> tasks) {
            List<String> lines = new ArrayList<>(tasks.size());
            for (Pending pending : tasks) {
                lines.add(pending.line);
            }
            byte[] payload = TaskEnvelopes.encode(lines).getBytes(StandardCharsets.UTF_8);
            link.publish(OutboundMessage.of(FlowTopics.worker(worker), payload, Qos.AT_LEAST_ONCE, false)
                    .withResponse(replyTopic, (ENVELOPE_PREFIX + envelope).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void complete(Pending pending, TaskResult result) {
            completeLater(pending.future, result);
        }

        @Override
        public void revoke(String id) {
            link.publish(OutboundMessage.of(FlowTopics.REVOKE, RevokeMessages.encode(List.of(id)), Qos.AT_LEAST_ONCE,
                    false));
        }
    }
}
