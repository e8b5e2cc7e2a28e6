package io.neuromesh.edge.internal.control;

import io.neuromesh.edge.internal.neuron.EventLog;
import io.neuromesh.edge.internal.port.ControlOutbox;
import io.neuromesh.edge.internal.port.PinControl;
import io.neuromesh.edge.internal.signal.HostedNeuron;
import io.neuromesh.edge.internal.signal.HostedNeurons;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.edge.wire.ClearLogsCodec;
import io.neuromesh.edge.wire.ClearLogsReply;
import io.neuromesh.edge.wire.GpioSetCodec;
import io.neuromesh.edge.wire.GpioSetReply;
import io.neuromesh.edge.wire.GpioSetRequest;
import io.neuromesh.edge.wire.InspectCodec;
import io.neuromesh.edge.wire.Inspection;
import io.neuromesh.edge.wire.LogsCodec;
import io.neuromesh.edge.wire.LogsReply;
import io.neuromesh.edge.wire.PinLevel;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.mqtt.InboundMessage;
import org.tinylog.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Answers the control requests a node serves: recent events ({@code neuromesh logs}), a neuron's state
 * ({@code inspect}), forgetting events ({@code logs --clear}) and driving a simulated pin ({@code gpio set}), all
 * through the wire codecs. Brain thread only; a request without a response topic gets no answer.
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

    /** The events of every hosted neuron since the request's {@code sinceMs}, oldest first. */
    public void logs(InboundMessage request) {
        if (request.responseTopic() == null) {
            return;
        }
        Instant since;
        try {
            since = LogsCodec.decodeRequest(request.payload()).since();
        } catch (WireFormatException e) {
            // As before the wire codecs: an unreadable request still gets every event, so the operator sees them.
            Logger.warn("node {}: answering with all events: {}", node, e.getMessage());
            since = Instant.EPOCH;
        }
        reply(request, LogsCodec.encodeReply(new LogsReply(node, events(ChronoUnit.MICROS.between(Instant.EPOCH,
                since)))));
    }

    private List<LogsReply.Event> events(long sinceMicros) {
        List<LogsReply.Event> lines = new ArrayList<>();
        for (HostedNeuron h : hosted.all()) {
            String id = h.id();
            for (EventLog.Event e : h.neuron().log().events(sinceMicros)) {
                lines.add(new LogsReply.Event(Instant.EPOCH.plus(e.epochMicros(), ChronoUnit.MICROS), id,
                        e.kind().name().toLowerCase(Locale.ROOT), e.kind().describe(id, e.source(), e.value(),
                        e.sum())));
            }
        }
        lines.sort(Comparator.comparing(LogsReply.Event::at));
        return lines;
    }

    /** Answered only by the node hosting the neuron; an unreadable request is logged and left unanswered. */
    public void inspect(InboundMessage request) {
        if (request.responseTopic() == null) {
            return;
        }
        String neuron;
        try {
            neuron = InspectCodec.decodeRequest(request.payload()).neuron();
        } catch (WireFormatException e) {
            Logger.warn("node {}: inspect request ignored: {}", node, e.getMessage());
            return;
        }
        HostedNeuron h = hosted.get(neuron);
        if (h != null) {
            reply(request, InspectCodec.encodeReply(new Inspection(node,
                    h.neuron().snapshot(clock.micros(), h.downstream()))));
        }
    }

    /** Forgets the recent events of every hosted neuron (whatever the request's payload). */
    public void clearLogs(InboundMessage request) {
        hosted.all().forEach(h -> h.neuron().log().clear());
        if (request.responseTopic() != null) {
            reply(request, ClearLogsCodec.encodeReply(new ClearLogsReply(node)));
        }
    }

    /** Drives a simulated input pin of this node; the reply says why not when it cannot. */
    public void gpioSet(InboundMessage request) {
        GpioSetReply answer;
        try {
            GpioSetRequest set = GpioSetCodec.decodeRequest(request.payload());
            answer = pins.simulate(set.pin(), set.level() == PinLevel.HIGH).map(GpioSetReply::refused)
                    .orElse(GpioSetReply.done());
        } catch (WireFormatException e) {
            answer = GpioSetReply.refused(e.getMessage());
        }
        if (request.responseTopic() != null) {
            reply(request, GpioSetCodec.encodeReply(answer));
        }
    }

    private void reply(InboundMessage request, byte[] payload) {
        control.reply(request.responseTopic(), request.correlationData(), payload);
    }
}
