package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutputCodecTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_123L);

    private static String reject(String text) {
        return assertThrows(WireFormatException.class,
                () -> OutputCodec.decode(text.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    @Test
    void encodesTodaysOutputWithTheVersionFirst() {
        assertEquals("{\"v\":1,\"value\":1,\"ts\":1767225600123,\"node\":\"n3\"}",
                new String(OutputCodec.encode(new Output(1, TS, "n3")), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsAndReadsTodaysUnversionedOutputs() throws Exception {
        Output output = new Output(0, TS, "node-1");
        assertEquals(output, OutputCodec.decode(OutputCodec.encode(output)));
        assertEquals(output, OutputCodec.decode(
                "{\"value\":0,\"ts\":1767225600123,\"node\":\"node-1\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(output, OutputCodec.decode(
                " { \"node\" : \"node-1\", \"ts\":1767225600123, \"value\":0 } ".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|unexpected end of input at byte 0",
            "[1]|expected '{' at byte 0",
            "{\"value\":2,\"ts\":1,\"node\":\"n1\"}|value: must be 0 or 1",
            "{\"value\":0.5,\"ts\":1,\"node\":\"n1\"}|value: must be 0 or 1",
            "{\"value\":\"1\",\"ts\":1,\"node\":\"n1\"}|value: must be a finite number, got \"1\"",
            "{\"ts\":1,\"node\":\"n1\"}|value: missing",
            "{\"value\":1,\"node\":\"n1\"}|ts: missing",
            "{\"value\":1,\"ts\":1}|node: missing",
            "{\"value\":1,\"ts\":-1,\"node\":\"n1\"}|ts: must be epoch milliseconds (a whole number >= 0)",
            "{\"value\":1,\"ts\":1,\"node\":\"a b\"}|node: 'a b' contains a space; ids are 1-64 characters of A-Z a-z 0-9 _ -",
            "{\"value\":1,\"ts\":1,\"node\":\"n1\",\"extra\":1}|unknown field 'extra'; an output has value, ts, node and optional tick",
            "{\"value\":1,\"value\":1,\"ts\":1,\"node\":\"n1\"}|value: given twice",
            "{\"v\":2,\"value\":1,\"ts\":1,\"node\":\"n1\"}|output: v: version 2 is newer than this node reads (1); upgrade this node",
    })
    void rejectsMalformedOutputsWithAReason(String text, String reason) {
        assertEquals(reason, reject(text));
    }

    @Test
    void rejectsOversizedPayloads() {
        assertEquals("output is 5000 bytes; the limit is 4096", reject(" ".repeat(5000)));
    }
}
