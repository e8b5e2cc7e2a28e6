package io.neuromesh.edge.internal.client;

import io.neuromesh.edge.FleetClient.FleetEvent;
import io.neuromesh.edge.FleetClient.OutputEvent;
import io.neuromesh.edge.FleetClient.PinEvent;
import io.neuromesh.edge.wire.LogsCodec;
import io.neuromesh.edge.wire.LogsReply;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.PinKind;
import io.neuromesh.edge.wire.TopologyOutcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetMessagesTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAStatusAsItsNodeWroteIt() {
        String status = "{\"state\":\"leaving\",\"node\":\"n1\",\"instance\":\"i\",\"neurons\":[\"x\"],\"rev\":2,"
                + "\"hash\":\"ab\",\"ts\":1767225600000,\"since\":1767225500000,\"inputsPerSecond\":0.5,\"queue\":1,"
                + "\"heapUsedMb\":3,\"heapMaxMb\":4,\"malformed\":0,\"dropped\":0}";
        var read = FleetMessages.status("neuromesh/nodes/n1/status", bytes(status), null).orElseThrow();
        assertEquals(NodeState.LEAVING, read.state());
        assertEquals(Instant.ofEpochMilli(1_767_225_600_000L), read.timestamp());
        assertEquals(2, read.rev());
    }

    @Test
    void skipsClearedMalformedAndMisaddressedStatuses() {
        String offline = "{\"state\":\"offline\",\"node\":\"n2\",\"neurons\":[],\"reason\":\"shutdown\",\"ts\":1}";
        assertEquals(Optional.empty(), FleetMessages.status("neuromesh/nodes/n1/status", new byte[0], null));
        assertEquals(Optional.empty(), FleetMessages.status("neuromesh/nodes/n1/status", bytes("{\"state\":1}"), null));
        assertEquals(Optional.empty(), FleetMessages.status("neuromesh/nodes/n1/status", bytes(offline), null));
        assertTrue(FleetMessages.status("neuromesh/nodes/n2/status", bytes(offline), null).isPresent());
    }

    @Test
    void readsTopologyResults() {
        String result = "{\"rev\":2,\"result\":\"rejected\",\"running\":1,\"hash\":\"\",\"neurons\":[],"
                + "\"errors\":[\"rev: 2 is not newer than the running rev 2\"],\"ts\":5}";
        assertEquals(TopologyOutcome.REJECTED,
                FleetMessages.topologyResult("neuromesh/nodes/n1/topology", bytes(result)).orElseThrow().result());
        assertEquals(Optional.empty(), FleetMessages.topologyResult("neuromesh/nodes/n1/topology", bytes("[]")));
    }

    @Test
    void readsOutputsAndSkipsClearedOnes() {
        assertEquals(Optional.of(new OutputEvent("z", 1, Instant.ofEpochMilli(7), "n3", true)),
                FleetMessages.output("neuron/z/output", bytes("{\"value\":1,\"ts\":7,\"node\":\"n3\"}"), true));
        assertEquals(Optional.empty(), FleetMessages.output("neuron/z/output", new byte[0], true));
        assertEquals(Optional.empty(), FleetMessages.output("neuron/z/output", bytes("{\"value\":3}"), false));
    }

    @Test
    void readsPinStatesAndClosedPins() {
        PinEvent open = FleetMessages.pin("neuromesh/nodes/n1/gpio/17", bytes("{\"pin\":17,\"id\":\"button_x\","
                + "\"kind\":\"input\",\"active\":true,\"level\":\"high\",\"ts\":1}")).orElseThrow();
        assertTrue(open.open() && open.active());
        assertEquals(PinKind.INPUT, open.state().orElseThrow().kind());
        PinEvent closed = FleetMessages.pin("neuromesh/nodes/n1/gpio/17", new byte[0]).orElseThrow();
        assertFalse(closed.open() || closed.active());
        assertEquals(Optional.empty(), FleetMessages.pin("neuromesh/nodes/n1/gpio/x", new byte[0]));
    }

    @Test
    void readsLogEventsWithMicrosecondTimesAndSkipsAnUnreadableReply() {
        LogsReply reply = FleetMessages.reply("logs", bytes("{\"node\":\"n1\",\"events\":[{\"ts\":1767225600123456,"
                + "\"neuron\":\"x\",\"kind\":\"fired\",\"text\":\"x fires (sum 1)\"}]}"), LogsCodec::decodeReply)
                .orElseThrow();
        assertEquals(List.of(new FleetEvent(Instant.parse("2026-01-01T00:00:00.123456Z"), "n1", "x", "fired",
                "x fires (sum 1)")), FleetMessages.events(reply));
        assertEquals(Optional.empty(), FleetMessages.reply("logs", bytes("{\"node\":\"n1\",\"events\":[\"junk\"]}"),
                LogsCodec::decodeReply));
    }
}
