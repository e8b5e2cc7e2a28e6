package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogsCodecTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00.123456Z");
    private static final LogsReply REPLY = new LogsReply("n1", List.of(
            new LogsReply.Event(AT, "x", "fired", "x fires (sum 1)"),
            new LogsReply.Event(AT.plusMillis(1), "h1", "input", "x is kicking h1 (value 1, sum 1)")));

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheDocumentedShapesWithMicrosecondEvents() {
        assertEquals("{\"v\":1,\"sinceMs\":1767225600123}", new String(LogsCodec.encodeRequest(
                new LogsRequest(AT)), StandardCharsets.UTF_8));
        assertEquals("{\"v\":1,\"node\":\"n1\",\"events\":[{\"ts\":1767225600123456,\"neuron\":\"x\",\"kind\":\"fired\","
                + "\"text\":\"x fires (sum 1)\"}]}", new String(LogsCodec.encodeReply(new LogsReply("n1",
                REPLY.events().subList(0, 1))), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsAndReadsUnversionedBodies() throws Exception {
        assertEquals(REPLY, LogsCodec.decodeReply(LogsCodec.encodeReply(REPLY)));
        LogsRequest since = new LogsRequest(Instant.ofEpochMilli(1_767_225_600_123L));
        assertEquals(since, LogsCodec.decodeRequest(LogsCodec.encodeRequest(since)));
        assertEquals(since, LogsCodec.decodeRequest(bytes("{\"sinceMs\":1767225600123}")));
        assertEquals(new LogsRequest(Instant.EPOCH), LogsCodec.decodeRequest(bytes("{}")), "no sinceMs: everything");
        assertEquals(new LogsReply("n2", List.of()), LogsCodec.decodeReply(bytes("{\"node\":\"n2\",\"events\":[]}")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|logs request: empty payload",
            "{\"sinceMs\":\"abc\"}|logs request: sinceMs: must be a whole number >= 0, got \"abc\"",
            "{\"sinceMs\":-5}|logs request: sinceMs: must be a whole number >= 0, got -5",
            "{\"v\":2}|logs request: v: version 2 is newer than this node reads (1); upgrade this node",
    })
    void rejectsInvalidRequestsWithAReason(String text, String reason) {
        assertEquals(reason, assertThrows(WireFormatException.class,
                () -> LogsCodec.decodeRequest(bytes(text))).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"events\":[]}|logs reply: node: missing",
            "{\"node\":\"n1\"}|logs reply: events: missing",
            "{\"node\":\"n1\",\"events\":{}}|logs reply: events: must be an array of objects, got {}",
            "{\"node\":\"n1\",\"events\":[\"junk\"]}|logs reply: events[0]: must be an object, got \"junk\"",
            "{\"node\":\"n1\",\"events\":[{\"neuron\":\"x\",\"kind\":\"k\",\"text\":\"t\"}]}|logs reply: events[0].ts: missing",
            "{\"node\":\"n1\",\"events\":[{\"ts\":1,\"neuron\":\"x y\",\"kind\":\"k\",\"text\":\"t\"}]}|logs reply: events[0].neuron: 'x y' contains a space; ids are 1-64 characters of A-Z a-z 0-9 _ -",
            "{\"node\":\"n1\",\"events\":[{\"ts\":1,\"neuron\":\"x\",\"text\":\"t\"}]}|logs reply: events[0].kind: missing",
    })
    void rejectsInvalidRepliesWithAReason(String text, String reason) {
        assertEquals(reason, assertThrows(WireFormatException.class,
                () -> LogsCodec.decodeReply(bytes(text))).getMessage());
    }
}
