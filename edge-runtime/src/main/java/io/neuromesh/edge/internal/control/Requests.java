package io.neuromesh.edge.internal.control;

import io.neuromesh.edge.internal.codec.Payloads;
import io.neuromesh.edge.internal.neuron.EventLog;
import io.neuromesh.edge.internal.port.ControlOutbox;
import io.neuromesh.edge.internal.port.PinControl;
import io.neuromesh.edge.internal.signal.HostedNeuron;
import io.neuromesh.edge.internal.signal.HostedNeurons;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.mqtt.InboundMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers the control requests a node serves: recent events ({@code neuromesh logs}), a neuron's state
 * ({@code inspect}), forgetting events ({@code logs --clear}) and driving a simulated pin ({@code gpio set}).
 * Brain thread only; a request without a response topic gets no answer.
 */
public final class Requests {

    private final String node;
    private final EpochClock clock;
    private final HostedNeurons hosted;
    private final PinControl pins;
    private final ControlOutbox control;

    public Requests(String node, EpochClock clock, HostedNeurons hosted, PinControl pins, ControlOutbox control) {
        this.node = node;
        this.clock = clock;
        this.hosted = hosted;
        this.pins = pins;
        this.control = control;
    }

    /** {@code {"sinceMs":<epoch ms>}} (optional): the events of every hosted neuron since then, oldest first. */
    public void logs(InboundMessage request) {
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
        reply(request, Payloads.events(node, events(sinceMicros)));
    }

    private List<LogLine> events(long sinceMicros) {
        List<LogLine> lines = new ArrayList<>();
        for (HostedNeuron h : hosted.all()) {
            String id = h.id();
            for (EventLog.Event e : h.neuron().log().events(sinceMicros)) {
                lines.add(new LogLine(e.epochMicros(), id, e.kind().name().toLowerCase(),
                        e.kind().describe(id, e.source(), e.value(), e.sum())));
            }
        }
        lines.sort(Comparator.comparingLong(LogLine::epochMicros));
        return lines;
    }

    /** {@code {"neuron":"<id>"}}: answered only by the node hosting it. */
    public void inspect(InboundMessage request) {
        String neuron = Payloads.field(request.payload(), "neuron");
        if (neuron == null || request.responseTopic() == null) {
            return;
        }
        HostedNeuron h = hosted.get(neuron);
        if (h != null) {
            reply(request, Payloads.inspection(node, h.neuron().snapshot(clock.micros()), h.downstream()));
        }
    }

    /** Forgets the recent events of every hosted neuron. */
    public void clearLogs(InboundMessage request) {
        hosted.all().forEach(h -> h.neuron().log().clear());
        if (request.responseTopic() != null) {
            reply(request, Payloads.cleared(node));
        }
    }

    /** {@code {"pin":<0-27>,"level":"high"|"low"}}: drives a simulated input pin of this node. */
    public void gpioSet(InboundMessage request) {
        String pin = Payloads.field(request.payload(), "pin");
        String level = Payloads.field(request.payload(), "level");
        Optional<String> refusal;
        if (pin == null || !pin.matches("\\d{1,2}") || !("high".equals(level) || "low".equals(level))) {
            refusal = Optional.of("expected {\"pin\":<0-27>,\"level\":\"high\"|\"low\"}");
        } else {
            refusal = pins.simulate(Integer.parseInt(pin), "high".equals(level));
        }
        if (request.responseTopic() != null) {
            reply(request, Payloads.gpioSetReply(refusal));
        }
    }

    private void reply(InboundMessage request, byte[] payload) {
        control.reply(request.responseTopic(), request.correlationData(), payload);
    }
}
