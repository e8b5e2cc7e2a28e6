package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.RuntimeStats;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.LinkListener;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.mqtt.Will;
import io.neuromesh.mqtt.internal.DaemonThreads;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wires a {@link Brain} to an {@link MqttLink}: the brain thread owns all neuron state; the link's callbacks only
 * enqueue onto it through the bounded {@link Inbox}.
 */
public final class EdgeRuntimeImpl implements EdgeRuntime {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final EdgeConfig config;
    private final Counters counters = new Counters();
    private final ScheduledThreadPoolExecutor brainThread;
    private final Inbox inbox;
    private final MqttLink link;
    private final Brain brain;
    private final CompletableFuture<Void> online = new CompletableFuture<>();
    private final long startedMillis = System.currentTimeMillis();
    private volatile boolean started;
    private volatile boolean closed;

    public EdgeRuntimeImpl(EdgeConfig config) {
        this.config = config;
        this.brainThread = new ScheduledThreadPoolExecutor(1, new DaemonThreads("neuromesh-" + config.node() + "-brain"));
        this.brainThread.setRemoveOnCancelPolicy(true);
        this.inbox = new Inbox(brainThread, config.inboxCapacity(), counters.dropped);
        this.link = MqttLink.builder()
                .broker(config.broker())
                .clientId("neuromesh-node-" + config.node())
                .persistentSession(config.sessionExpiry())
                .keepAlive(config.keepAlive())
                .will(new Will(Topics.nodeStatus(config.node()), Payloads.offline(config.node(), "connection lost"),
                        Qos.AT_LEAST_ONCE, true))
                .build();
        MqttOutbox outbox = new MqttOutbox(link, config.node(), config.inputQos(), inbox, this::onInput);
        EpochClock clock = EpochClock.system();
        this.brain = new Brain(config.node(), clock, outbox,
                (task, delayMicros) -> brainThread.schedule(task, Math.max(0, delayMicros), TimeUnit.MICROSECONDS),
                config.eventsPerNeuron(), counters);
    }

    @Override
    public EdgeConfig config() {
        return config;
    }

    @Override
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        link.addListener(new LinkListener() {
            @Override
            public void connected(boolean reconnect) {
                brainThread.execute(EdgeRuntimeImpl.this::announceOnline);
            }
        });
        link.subscribe(List.of(Subscription.of(Topics.TOPOLOGY)), brainThread, this::onTopology);
        link.subscribe(List.of(Subscription.of(Topics.REQUEST_LOGS)), brainThread, this::onLogsRequest);
        link.subscribe(List.of(Subscription.of(Topics.REQUEST_INSPECT)), brainThread, this::onInspectRequest);
        link.subscribe(List.of(Subscription.of(Topics.REQUEST_CLEAR_LOGS)), brainThread, this::onClearRequest);
        link.start();
        Logger.info("node {}: edge runtime started, broker {}", config.node(), config.broker());
    }

    @Override
    public void awaitOnline(Duration timeout) {
        try {
            online.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MqttLinkException("node " + config.node() + " not online within " + timeout.toMillis()
                    + " ms; is the broker at " + config.broker() + " running?");
        } catch (ExecutionException e) {
            throw new MqttLinkException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttLinkException("interrupted");
        }
    }

    private void announceOnline() {
        publishStatus();
        online.complete(null);
    }

    private void publishStatus() {
        link.publish(Topics.nodeStatus(config.node()), Payloads.online(config.node(), brain.hostedIds(), brain.rev(),
                brain.hash(), startedMillis, counters.snapshot()), Qos.AT_LEAST_ONCE, true);
    }

    // ---- handlers (brain thread) --------------------------------------------------------------------------------

    private void onInput(InboundMessage message) {
        brain.onPayload(Topics.neuronOf(message.topic()), message.payload());
    }

    private void onTopology(InboundMessage message) {
        byte[] payload = message.payload();
        ApplyResult result;
        if (payload.length == 0) {
            result = brain.reject(0, List.of("$: empty payload (the retained topology was cleared); "
                    + "the running topology stays"));
        } else {
            try {
                result = brain.apply(Topology.parse(payload));
            } catch (TopologyException e) {
                result = brain.reject(Payloads.revOf(payload), e.errors());
            }
        }
        if (result.result() == ApplyResult.Kind.UNCHANGED) {
            return;
        }
        link.publish(Topics.nodeTopology(config.node()), Payloads.topologyResult(result), Qos.AT_LEAST_ONCE, true);
        if (result.result() == ApplyResult.Kind.APPLIED) {
            publishStatus();
        }
    }

    private void onLogsRequest(InboundMessage request) {
        if (request.responseTopic() == null) {
            return;
        }
        String since = Payloads.field(request.payload(), "sinceMs");
        long sinceMicros = 0;
        if (since != null) {
            try {
                sinceMicros = Long.parseLong(since) * 1000;
            } catch (NumberFormatException ignored) {
                sinceMicros = 0;
            }
        }
        reply(request, Payloads.events(config.node(), brain.events(sinceMicros)));
    }

    private void onInspectRequest(InboundMessage request) {
        String neuron = Payloads.field(request.payload(), "neuron");
        if (neuron == null || request.responseTopic() == null) {
            return;
        }
        brain.inspect(neuron).ifPresent(snapshot ->
                reply(request, Payloads.inspection(config.node(), snapshot, brain.downstream(neuron))));
    }

    private void onClearRequest(InboundMessage request) {
        brain.clearEvents();
        if (request.responseTopic() != null) {
            reply(request, Payloads.cleared(config.node()));
        }
    }

    private void reply(InboundMessage request, byte[] payload) {
        link.publish(OutboundMessage.of(request.responseTopic(), payload, Qos.AT_LEAST_ONCE, false)
                .withResponse(null, request.correlationData()));
    }

    // ---- queries and lifecycle ----------------------------------------------------------------------------------

    @Override
    public Set<String> hostedNeurons() {
        return onBrain(brain::hostedIds);
    }

    @Override
    public long rev() {
        return onBrain(brain::rev);
    }

    @Override
    public RuntimeStats stats() {
        return counters.snapshot();
    }

    private <T> T onBrain(Callable<T> query) {
        try {
            return brainThread.submit(query).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("brain thread of node " + config.node() + " did not answer: " + e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started && link.state() == io.neuromesh.mqtt.LinkState.CONNECTED) {
            link.publish(Topics.nodeStatus(config.node()), Payloads.offline(config.node(), "shutdown"),
                    Qos.AT_LEAST_ONCE, true);
        }
        link.close();
        brainThread.shutdownNow();
        Logger.info("node {}: edge runtime stopped", config.node());
    }

    @Override
    public synchronized void abort() {
        if (closed) {
            return;
        }
        closed = true;
        link.abort();
        brainThread.shutdownNow();
    }
}
