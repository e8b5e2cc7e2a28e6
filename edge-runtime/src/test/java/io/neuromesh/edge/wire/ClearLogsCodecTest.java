package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClearLogsCodecTest {

    @Test
    void writesTheDocumentedShapesAndRoundTrips() throws Exception {
        assertEquals("{\"v\":1}", new String(ClearLogsCodec.encodeRequest(), StandardCharsets.UTF_8));
        byte[] reply = ClearLogsCodec.encodeReply(new ClearLogsReply("n1"));
        assertEquals("{\"v\":1,\"node\":\"n1\",\"cleared\":true}", new String(reply, StandardCharsets.UTF_8));
        assertEquals(new ClearLogsReply("n1"), ClearLogsCodec.decodeReply(reply));
        assertEquals(new ClearLogsReply("n2"), ClearLogsCodec.decodeReply(
                "{\"node\":\"n2\",\"cleared\":true}".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|clear-logs reply: empty payload",
            "{\"cleared\":true}|clear-logs reply: node: missing",
            "{\"node\":\"n 1\",\"cleared\":true}|clear-logs reply: node: 'n 1' contains a space; ids are 1-64 characters of A-Z a-z 0-9 _ -",
            "{\"node\":\"n1\"}|clear-logs reply: cleared: missing",
            "{\"node\":\"n1\",\"cleared\":false}|clear-logs reply: cleared: must be true, got false",
    })
    void rejectsInvalidRepliesWithAReason(String text, String reason) {
        assertEquals(reason, assertThrows(WireFormatException.class,
                () -> ClearLogsCodec.decodeReply(text.getBytes(StandardCharsets.UTF_8))).getMessage());
    }
}
