package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.EdgeHealth;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.HopListener;
import io.neuromesh.edge.RuntimeStats;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.brain.Brain;
import io.neuromesh.edge.internal.brain.BrainEvent;
import io.neuromesh.edge.internal.brain.BrainEvent.Request;
import io.neuromesh.edge.internal.brain.BrainLoop;
import io.neuromesh.edge.internal.brain.BrokerWaits;
import io.neuromesh.edge.internal.discovery.HaDiscovery;
import io.neuromesh.edge.internal.gpio.GpioBinding;
import io.neuromesh.edge.internal.hosting.Hosting;
import io.neuromesh.edge.internal.link.MqttControlOutbox;
import io.neuromesh.edge.internal.link.InputFilterRules;
import io.neuromesh.edge.internal.link.MqttOutbox;
import io.neuromesh.edge.internal.link.RetainedReader;
import io.neuromesh.edge.internal.presence.InputConnectionsHold;
import io.neuromesh.edge.internal.presence.NodeStatusPresence;
import io.neuromesh.edge.internal.port.ControlOutbox;
import io.neuromesh.edge.internal.port.HostingWatch;
import io.neuromesh.edge.internal.port.TopologyStore;
import io.neuromesh.edge.internal.presence.Presence;
import io.neuromesh.edge.internal.signal.NeuronInboxes;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.edge.internal.truth.RetainedTopology;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.edge.internal.truth.TopologyFile;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.gpio.Gpio;
import io.neuromesh.gpio.GpioMode;
import io.neuromesh.gpio.GpioPort;
import io.neuromesh.mqtt.LinkStats;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.mqtt.presence.Announcement;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Composes one edge runtime: the link, the brain thread ({@link BrainLoop} driving a {@link Brain}), presence and GPIO.
 * Other threads only post {@link BrainEvent}s; the brain owns all neuron state. Also runs the lifecycle: start, a
 * graceful stop that hands this node's movable neurons over first, and a halt without goodbye.
 */
public final class EdgeRuntimeImpl implements EdgeRuntime {

    /** Link callbacks post their event straight from Paho's callback thread: one hand-off, to the brain. */
    private static final Executor CALLBACK_THREAD = Runnable::run;

    private final EdgeConfig config;
    private final Counters counters = new Counters();
    private final BrainLoop loop;
    private final MqttLink link;
    private final RetainedReader reader;
    /** The neuron traffic; it may hold input connections of its own, closed with the link. */
    private final MqttOutbox neurons;
    private final Presence presence;
    private final Brain brain;
    private final NeuronInboxes inboxes;
    private final Optional<HaDiscovery> discovery;
    private final CompletableFuture<Void> online = new CompletableFuture<>();
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    /** Completes when the first status is published; set by {@link #start()}. */
    private volatile CompletableFuture<Void> announced = new CompletableFuture<>();
    private volatile boolean started;
    private volatile boolean closed;

    public EdgeRuntimeImpl(EdgeConfig config) {
        this(config, Gpio::open);
    }

    /** @param gpioPorts opens the GPIO port in a mode when a topology first needs a pin (tests: to watch mock pins) */
    public EdgeRuntimeImpl(EdgeConfig config, Function<GpioMode, GpioPort> gpioPorts) {
        this.config = config;
        String node = config.node();
        this.loop = new BrainLoop(node, counters.failures);
        Announcement<NodeStatus> announcement = NodeStatusPresence.announcement(node, config.heartbeat());
        this.link = MqttLink.create(config.link().withWill(announcement.will()));
        this.reader = new RetainedReader(config.link(), config.link().clientId() + "-reader");
        this.inboxes = new NeuronInboxes(config.inboxCapacity(),
                inbox -> loop.offer(new BrainEvent.InputsWaiting(inbox)), counters);
        // An input connection that is back tells presence, which exists by then: the outbox connects nothing yet.
        this.neurons = new MqttOutbox(link, node, config.neuronQos(), inboxes, loop, reader,
                InputFilterRules.of(config), this::inputConnectionBack);
        this.presence = new Presence(config, link, announcement, loop, counters, inboxes::depth, this::yieldToTwin,
                new InputConnectionsHold(node, neurons::inputConnectionsUp, InputConnectionsHold.LIMIT));
        MqttControlOutbox control = new MqttControlOutbox(link, node, presence, reader);
        EpochClock clock = EpochClock.system();
        GpioBinding gpio = new GpioBinding(node, config.gpio(),
                (sensor, pin, active) -> loop.post(new BrainEvent.SensorChanged(sensor, pin, active, clock.micros())),
                control::pinState,
                loop, () -> gpioPorts.apply(gpioMode(config.gpio())));
        TopologyStore store = config.stateDir().<TopologyStore>map(TopologyFile::new).orElse(TopologyStore.NONE);
        PeerStatuses peers = new PeerStatuses(presence);
        this.discovery = config.homeAssistant().map(ha -> new HaDiscovery(node, ha, link, peers, loop::post));
        this.brain = new Brain(new Hosting.Settings(node, config.eventsPerNeuron(), config.handover()),
                new Brain.Ports(clock, loop, new BrokerWaits(neurons, loop), control, gpio, store, peers,
                        discovery.<HostingWatch>map(d -> d).orElse(HostingWatch.NONE)), counters, inboxes);
        loop.handler(brain::handle, brain::handlesOnArrival);
    }

    /** An input connection is back (its thread): presence may announce the node online again. */
    private void inputConnectionBack() {
        presence.inputConnectionBack();
    }

    private static GpioMode gpioMode(GpioSetting setting) {
        return switch (setting) {
            case MOCK -> GpioMode.MOCK;
            case GPIOD -> GpioMode.GPIOD;
            default -> GpioMode.AUTO;
        };
    }

    @Override
    public EdgeConfig config() {
        return config;
    }

    @Override
    public void start() {
        synchronized (this) {
            if (closed) {
                throw new MqttLinkException("node " + config.node() + " is closed");
            }
            if (!started) {
                started = true;
                wire();
            }
        }
        // Waits outside the lock so that close() from another thread can end the wait.
        try {
            link.start();
            awaitOnline();
        } catch (MqttLinkException e) {
            halt(true);
            throw e;
        }
    }

    /** Listens to the link, subscribes the topics and starts the brain thread; the link connects afterwards. */
    private void wire() {
        link.addListener(new BrokerReport(config.node(), config.broker()));
        link.addListener(new LinkEvents(config.node(), link, loop, presence, online, failure));
        announced = presence.start();
        discovery.ifPresent(HaDiscovery::start);
        // Read on the link's dispatch thread, not the brain's (seconds for 100,000 neurons); the history goes the same
        // way, so the two keep their order.
        link.subscribe(List.of(Subscription.of(Topics.TOPOLOGY)), link.dispatcher(),
                m -> loop.post(new BrainEvent.TopologyArrived(RetainedTopology.of(m.payload()))));
        // The index only: the brain reads a revision's document when it needs one.
        link.subscribe(List.of(Subscription.of(Topics.TOPOLOGY_HISTORY)), link.dispatcher(),
                m -> loop.post(new BrainEvent.HistoryArrived(m.payload())));
        request(Topics.REQUEST_LOGS, Request.LOGS);
        request(Topics.REQUEST_INSPECT, Request.INSPECT);
        request(Topics.REQUEST_CLEAR_LOGS, Request.CLEAR_LOGS);
        request(Topics.gpioSetRequest(config.node()), Request.GPIO_SET);
        loop.start(presence.period());
        Logger.info("node {}: edge runtime starting, broker {}", config.node(), config.broker());
    }

    private void request(String topic, Request kind) {
        link.subscribe(List.of(Subscription.of(topic)), CALLBACK_THREAD,
                m -> loop.post(new BrainEvent.RequestArrived(kind, m)));
    }

    /** The brain thread publishes the online status once the link is connected; that takes no broker round trip. */
    private void awaitOnline() {
        Duration timeout = config.link().startTimeout();
        try {
            CompletableFuture.allOf(online, announced).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MqttLinkException("node " + config.node() + " connected to " + config.broker()
                    + " but did not publish its online status within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new MqttLinkException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttLinkException("interrupted while node " + config.node() + " was starting");
        }
    }

    /** Presence thread: a newer process took this node id; stop without touching its retained status. */
    private void yieldToTwin(String reason) {
        if (failure.complete(reason)) {
            Logger.error("node {}: another process with the same node id is running; this one stops", config.node());
            Thread.ofPlatform().daemon().name("neuromesh-" + config.node() + "-stop").start(() -> halt(true));
        }
    }

    @Override
    public CompletionStage<String> failure() {
        return failure;
    }

    @Override
    public Set<String> hostedNeurons() {
        return loop.call(brain::hostedIds);
    }

    @Override
    public long rev() {
        return loop.call(brain::rev);
    }

    @Override
    public RuntimeStats stats() {
        return counters.snapshot();
    }

    @Override
    public LinkStats linkStats() {
        return link.stats();
    }

    @Override
    public int queue() {
        return inboxes.depth();
    }

    @Override
    public EdgeHealth health() {
        ControlOutbox.StatusView view = loop.call(brain::view);
        return new EdgeHealth(link.state() == LinkState.CONNECTED, view.rev(), view.topologyProblem());
    }

    @Override
    public void onHop(HopListener listener) {
        counters.hops = java.util.Objects.requireNonNull(listener, "listener: must not be null; use HopListener.NONE");
    }

    /**
     * Graceful stop: announce "leaving" so that peers take over this node's movable neurons (restoring them from the
     * retained outputs this node keeps current meanwhile), wait until they report hosting them or the handover time
     * passes, then release everything, publish "offline" and disconnect.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started && link.state() == LinkState.CONNECTED) {
            Handover.run(config, loop, brain, presence);
        }
        if (started) {
            try {
                loop.call(() -> {
                    brain.releaseAll();
                    return null;
                });
            } catch (IllegalStateException e) {
                Logger.warn("node {}: {}", config.node(), e.getMessage());
            }
        }
        // The goodbye ("offline", reason "shutdown") goes out before the clean disconnect that suppresses the Last
        // Will.
        presence.close();
        link.close();
        reader.close();
        neurons.close();
        loop.close(Duration.ZERO);
        Logger.info("node {}: edge runtime stopped", config.node());
    }

    @Override
    public void abort() {
        halt(false);
    }

    /**
     * Stops at once without a status or handover: a clean disconnect ({@code clean}, no Last Will) or a dropped
     * connection (the broker publishes the Last Will). The pins are released; their retained states stay, as after a
     * real power loss.
     */
    private synchronized void halt(boolean clean) {
        if (closed) {
            return;
        }
        closed = true;
        if (clean) {
            link.close();
        } else {
            link.abort();
        }
        reader.close();
        neurons.close();
        // After the link: with no connection, presence says no goodbye, so a twin never touches the retained status.
        presence.close();
        loop.close(Duration.ofSeconds(2));
        brain.closePins();
    }
}
