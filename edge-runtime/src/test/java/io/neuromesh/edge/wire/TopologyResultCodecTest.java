package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopologyResultCodecTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_000L);
    private static final TopologyResult REJECTED = new TopologyResult(2, "9c0f", TopologyOutcome.REJECTED, 1, "1a26",
            List.of("x", "y"), List.of("synapses[5].to: unknown target 'h9'; no neuron has that id"), TS);

    private static String reject(String text) {
        return assertThrows(WireFormatException.class,
                () -> TopologyResultCodec.decode(text.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    @Test
    void writesTheDocumentedShape() {
        assertEquals("{\"v\":1,\"rev\":2,\"document\":\"9c0f\",\"result\":\"rejected\",\"running\":1,\"hash\":\"1a26\",\"neurons\":[\"x\",\"y\"],"
                + "\"errors\":[\"synapses[5].to: unknown target 'h9'; no neuron has that id\"],\"ts\":1767225600000}",
                new String(TopologyResultCodec.encode(REJECTED), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsAndReadsAnUnversionedResult() throws Exception {
        assertEquals(REJECTED, TopologyResultCodec.decode(TopologyResultCodec.encode(REJECTED)));
        TopologyResult applied = new TopologyResult(3, "", TopologyOutcome.APPLIED, 3, "ab", List.of(), List.of(), TS);
        assertEquals(applied, TopologyResultCodec.decode(("{\"rev\":3,\"result\":\"applied\",\"running\":3,"
                + "\"hash\":\"ab\",\"neurons\":[],\"errors\":[],\"ts\":1767225600000,\"later\":true}")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"v\":9}|topology result: v: version 9 is newer than this node reads (1); upgrade this node",
            "{\"result\":\"applied\"}|topology result: rev: missing",
            "{\"rev\":\"2\",\"result\":\"applied\"}|topology result: rev: must be a whole number >= 0, got \"2\"",
            "{\"rev\":2,\"result\":\"done\"}|topology result: result: must be one of applied, rejected, unchanged, got \"done\"",
            "{\"rev\":2,\"result\":\"applied\",\"running\":2,\"hash\":\"\",\"neurons\":[1],\"errors\":[],\"ts\":1}|topology result: neurons[0]: must be a string",
            "{\"rev\":2,\"result\":\"applied\",\"running\":2,\"hash\":\"\",\"neurons\":[\"a/b\"],\"errors\":[],\"ts\":1}|topology result: neurons[0]: 'a/b' contains '/'; ids are 1-64 characters of A-Z a-z 0-9 _ -",
            "{\"rev\":2,\"result\":\"applied\",\"running\":2,\"hash\":\"\",\"neurons\":[],\"errors\":{},\"ts\":1}|topology result: errors: must be an array of strings, got {}",
    })
    void rejectsInvalidResultsWithAReason(String text, String reason) {
        assertEquals(reason, reject(text));
    }

    @ParameterizedTest(name = "{0} -> rev {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"rev\":7,\"neurons\":\"bad\"}|7",
            "{\"rev\":2.0}|2",
            "{\"rev\":2.5}|0",
            "{\"rev\":0}|0",
            "{\"rev\":\"3\"}|0",
            "{\"neurons\":[]}|0",
            "not json|0",
            "''|0",
    })
    void aRejectedTopologyIsReportedWithItsOwnRevWhenItHasAWholeOne(String topology, long rev) {
        assertEquals(rev, TopologyResultCodec.revOf(topology.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
