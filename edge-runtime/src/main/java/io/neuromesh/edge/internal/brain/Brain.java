package io.neuromesh.edge.internal.brain;

import io.neuromesh.edge.internal.codec.Retained;
import io.neuromesh.edge.internal.control.Requests;
import io.neuromesh.edge.internal.hosting.Hosting;
import io.neuromesh.edge.internal.hosting.TopologyIntake;
import io.neuromesh.edge.internal.port.ControlOutbox;
import io.neuromesh.edge.internal.port.HostingWatch;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.Peers;
import io.neuromesh.edge.internal.port.PinControl;
import io.neuromesh.edge.internal.port.Scheduler;
import io.neuromesh.edge.internal.port.TopologyStore;
import io.neuromesh.edge.internal.signal.HostedNeurons;
import io.neuromesh.edge.internal.signal.NeuronInbox;
import io.neuromesh.edge.internal.signal.NeuronInboxes;
import io.neuromesh.edge.internal.signal.Signal;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.topology.SensorSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The neurons of one runtime and the topology they follow, driven by {@link BrainEvent}s one at a time under the
 * brain's turn ({@link BrainLoop}): no locks of its own, no shared mutable state besides the inboxes. It reaches the outside only through its ports
 * (outboxes, GPIO, clock, scheduler), so tests run it without a broker.
 */
public final class Brain {

    /**
     * The ports the brain talks to the outside through.
     *
     * @param store where the node keeps its last applied topology ({@link TopologyStore#NONE}: nowhere)
     * @param peers what the other online nodes report (thread-safe)
     * @param watch told what this node hosts after every control event ({@link HostingWatch#NONE}: nobody)
     */
    public record Ports(EpochClock clock, Scheduler scheduler, NeuronOutbox neurons, ControlOutbox control,
                        PinControl pins, TopologyStore store, Peers peers, HostingWatch watch) {
    }

    private final ControlOutbox control;
    private final PinControl pins;
    private final HostedNeurons hosted = new HostedNeurons();
    private final Signal signal;
    private final Hosting hosting;
    private final TopologyIntake intake;
    private final Requests requests;
    private final NeuronInbox.Handler inputs;
    private final HostingWatch watch;
    /** Requests that came while the node ran nothing and had not decided what to run: answered once it has. */
    private final List<BrainEvent.RequestArrived> early = new ArrayList<>();

    public Brain(Hosting.Settings settings, Ports ports, Counters counters, NeuronInboxes inboxes) {
        this.control = ports.control();
        this.pins = ports.pins();
        this.signal = new Signal(settings.node(), ports.clock(), ports.neurons(), ports.scheduler(), counters, hosted);
        this.hosting = new Hosting(settings, new Hosting.Ports(ports.clock(), ports.neurons(), ports.scheduler()),
                counters, pins, inboxes, hosted, signal, this::hostingChanged, ports.peers()::hostedElsewhere);
        this.intake = new TopologyIntake(settings.node(), hosting, control, ports.store(), ports.peers(), counters,
                ports.clock());
        this.requests = new Requests(settings.node(), ports.clock(), hosted, pins, control);
        this.inputs = signal::onPayload;
        this.watch = ports.watch();
    }

    /** Handles one event; the only entry point for other threads' news. */
    public void handle(BrainEvent event) {
        switch (event) {
            case BrainEvent.InputsWaiting w -> w.inbox().drain(inputs);
            // The running index: building one per set took a quarter of a second with 100,000 neurons.
            case BrainEvent.VirtualSensorSet v -> hosting.index().flatMap(index -> index.sensor(v.sensor()))
                    .filter(SensorSpec::isVirtual)
                    .ifPresent(sensor -> signal.feed(v.sensor(), v.value()));
            case BrainEvent.SensorChanged s -> pins.edge(s.sensor(), s.pin(), s.active())
                    .ifPresent(reading -> signal.sensorChanged(reading, s.atMicros()));
            case BrainEvent.FollowedOutput f -> {
                int value = Retained.outputValue(f.payload());
                if (value >= 0) {
                    pins.neuronOutput(f.neuron(), value);
                }
            }
            case BrainEvent.TopologyArrived t -> {
                intake.topologyArrived(t.topology());
                watched();
            }
            case BrainEvent.HistoryArrived h -> {
                intake.historyArrived(h.payload());
                watched();
            }
            case BrainEvent.MembershipChanged m -> {
                intake.membershipChanged(m.online());
                watched();
            }
            case BrainEvent.PeersReported p -> {
                hosting.peersChanged();
                intake.peersReported();
                watched();
            }
            case BrainEvent.RequestArrived r -> {
                // A request queued in the node's session arrives as soon as it connects, possibly before the
                // Connected event: the local copy runs first, as for any other news, so the answer is about it.
                // Without one, the answer would be about no topology at all (a gpio set refused for want of its
                // sensor) until the retained topology and history, or the first placement, decide what runs: a
                // moment after connecting. The request waits for that.
                intake.start();
                if (intake.undecided()) {
                    early.add(r);
                } else {
                    answer(r);
                }
            }
            case BrainEvent.Disconnected d -> pins.brokerLost();
            case BrainEvent.Connected c -> {
                pins.brokerBack();
                intake.start();
                control.status(hosting.view());
                c.announced().complete(null);
                watched();
            }
            case BrainEvent.Query q -> q.task().run();
        }
        if (!early.isEmpty() && !intake.undecided()) {
            early.forEach(this::answer);
            early.clear();
        }
    }

    private void answer(BrainEvent.RequestArrived r) {
        switch (r.kind()) {
            case LOGS -> requests.logs(r.message());
            case INSPECT -> requests.inspect(r.message());
            case CLEAR_LOGS -> requests.clearLogs(r.message());
            case GPIO_SET -> requests.gpioSet(r.message());
        }
    }

    /**
     * Asked under the brain's turn: whether {@code event} may be handled on the thread it arrived on while the brain is
     * idle ({@link BrainLoop#offer}): the inputs of an eager topology. A discrete-time topology's inputs stay on the
     * brain thread, beside its tick timers: they wait for their tick anyway.
     */
    public boolean handlesOnArrival(BrainEvent event) {
        return event instanceof BrainEvent.InputsWaiting && !signal.ticked();
    }

    /** After a control event (never per input): what runs here may have changed. */
    private void watched() {
        watch.hosting(hosting.index(), hosted.ids());
    }

    private void hostingChanged() {
        control.status(hosting.view());
    }

    // ---- queries and lifecycle steps (run inside a Query) --------------------------------------------------------

    public SortedSet<String> hostedIds() {
        return hosted.ids();
    }

    public long rev() {
        return hosting.rev();
    }

    /** The status as of now. */
    public ControlOutbox.StatusView view() {
        return hosting.view();
    }

    /**
     * The node is leaving: stop following membership (its neurons stay until others took them over).
     *
     * @return the hosted neurons that another node will take over
     */
    public List<String> leave() {
        hosting.freeze();
        return hosted.movableIds();
    }

    /** Stops every hosted neuron and closes the pins. */
    public void releaseAll() {
        hosting.releaseAll();
        pins.close();
    }

    /** Closes the pins after the brain thread has stopped (a halt: no neuron is released, no goodbye is sent). */
    public void closePins() {
        pins.close();
    }
}
