package io.neuromesh.edge.wire;

import io.neuromesh.topology.NeuronMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InspectCodecTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_000L);
    /** A reply as nodes wrote it before versioning; the codec writes the same with "v":1 first. */
    private static final String UNVERSIONED = "{\"node\":\"n3\",\"neuron\":{\"id\":\"z\",\"mode\":\"level\","
            + "\"threshold\":0.9,\"inputWindowMs\":500,\"refractoryMs\":100,\"output\":1,\"sum\":1.0,\"refractory\":false,"
            + "\"weights\":{\"h1\":1.0,\"h2\":-1.0},\"inputs\":{\"h1\":{\"value\":1.0,\"ts\":1767225600000,\"live\":true}},"
            + "\"downstream\":[],\"lastFired\":1767225600000,\"inputCount\":3,\"fireCount\":1,\"ignoredCount\":0}}";
    private static final Inspection INSPECTION = new Inspection("n3", new Inspection.Neuron("z", NeuronMode.LEVEL, 0.9,
            Duration.ofMillis(500), Duration.ofMillis(100), 1, 1.0, false, Map.of("h1", 1.0, "h2", -1.0),
            Map.of("h1", new Inspection.Input(1.0, TS, true)), List.of(), Optional.of(TS), 3, 1, 0));

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheUnversionedReplyAndWritesItBackWithTheVersionFirst() throws Exception {
        Inspection read = InspectCodec.decodeReply(bytes(UNVERSIONED));
        assertEquals(INSPECTION, read);
        assertEquals("{\"v\":1," + UNVERSIONED.substring(1),
                new String(InspectCodec.encodeReply(read), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsANeuronThatNeverFired() throws Exception {
        Inspection idle = new Inspection("n1", new Inspection.Neuron("a", NeuronMode.SPIKE, 1, Duration.ZERO,
                Duration.ZERO, 0, 0, true, Map.of(), Map.of(), List.of("b", "c"), Optional.empty(), 0, 0, 7));
        byte[] payload = InspectCodec.encodeReply(idle);
        assertEquals(idle, InspectCodec.decodeReply(payload));
        assertEquals(true, new String(payload, StandardCharsets.UTF_8).contains("\"lastFired\":0,"));
    }

    @Test
    void writesAndReadsTheRequest() throws Exception {
        assertEquals("{\"v\":1,\"neuron\":\"z\"}",
                new String(InspectCodec.encodeRequest(new InspectRequest("z")), StandardCharsets.UTF_8));
        assertEquals(new InspectRequest("z"), InspectCodec.decodeRequest(bytes("{\"neuron\":\"z\"}")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|inspect request: empty payload",
            "{}|inspect request: neuron: missing",
            "{\"neuron\":7}|inspect request: neuron: must be a string, got 7",
            "{\"neuron\":\"\"}|inspect request: neuron: must not be empty; ids are 1-64 characters of A-Z a-z 0-9 _ -",
    })
    void rejectsInvalidRequestsWithAReason(String text, String reason) {
        assertEquals(reason, assertThrows(WireFormatException.class,
                () -> InspectCodec.decodeRequest(bytes(text))).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"node\":\"n3\",|\"node\":\"n 3\",|inspection: node: 'n 3' contains a space; ids are 1-64 characters of A-Z a-z 0-9 _ -",
            "\"mode\":\"level\"|\"mode\":\"burst\"|inspection: neuron.mode: must be one of level, spike, got \"burst\"",
            "\"threshold\":0.9|\"threshold\":\"0.9\"|inspection: neuron.threshold: must be a finite number, got \"0.9\"",
            "\"inputWindowMs\":500|\"inputWindowMs\":-1|inspection: neuron.inputWindowMs: must be a whole number >= 0, got -1",
            "\"output\":1|\"output\":2|inspection: neuron.output: must be 0 or 1, got 2",
            "\"refractory\":false|\"refractory\":0|inspection: neuron.refractory: must be true or false, got 0",
            "\"h2\":-1.0|\"h2\":null|inspection: neuron.weights.h2: missing",
            "\"ts\":1767225600000,\"live\":true|\"live\":true|inspection: neuron.inputs.h1.ts: missing",
            "\"downstream\":[]|\"downstream\":[1]|inspection: neuron.downstream[0]: must be a string",
            "\"lastFired\":1767225600000|\"lastFired\":1.5|inspection: neuron.lastFired: must be a whole number >= 0, got 1.5",
            "\"ignoredCount\":0|\"ignoredCount\":-2|inspection: neuron.ignoredCount: must be a whole number >= 0, got -2",
    })
    void rejectsInvalidInspectionsWithAReason(String field, String broken, String reason) {
        String text = UNVERSIONED.replace(field, broken);
        assertEquals(reason, assertThrows(WireFormatException.class,
                () -> InspectCodec.decodeReply(bytes(text))).getMessage());
    }
}
