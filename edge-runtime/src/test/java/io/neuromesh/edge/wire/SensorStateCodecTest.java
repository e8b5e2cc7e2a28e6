package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SensorStateCodecTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_000L);

    private static String reject(String text) {
        return assertThrows(WireFormatException.class,
                () -> SensorStateCodec.decode(text.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    @Test
    void writesTheDocumentedShapeInTheGivenOrder() {
        Map<String, Double> sensors = new LinkedHashMap<>();
        sensors.put("sensor_y", 0.5);
        sensors.put("sensor_x", 1.0);
        assertEquals("{\"v\":1,\"sensors\":{\"sensor_y\":0.5,\"sensor_x\":1.0},\"ts\":1767225600000}",
                new String(SensorStateCodec.encode(new SensorState(sensors, TS)), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsAndReadsUnversionedStates() throws Exception {
        for (SensorState state : List.of(new SensorState(Map.of("b", -0.25), TS), new SensorState(Map.of(), TS))) {
            assertEquals(state, SensorStateCodec.decode(SensorStateCodec.encode(state)));
        }
        assertEquals(new SensorState(Map.of("sensor_x", 1.0), TS), SensorStateCodec.decode(
                "{\"sensors\":{\"sensor_x\":1},\"ts\":1767225600000}".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|sensor state: empty payload",
            "[]|sensor state: must be a JSON object, got []",
            "{\"v\":2}|sensor state: v: version 2 is newer than this node reads (1); upgrade this node",
            "{\"ts\":1}|sensor state: sensors: missing",
            "{\"sensors\":[1],\"ts\":1}|sensor state: sensors: must be an object, got [1]",
            "{\"sensors\":{\"a\":\"1\"},\"ts\":1}|sensor state: sensors.a: must be a finite number, got \"1\"",
            "{\"sensors\":{\"a b\":1},\"ts\":1}|sensor state: sensors: 'a b' contains a space; ids are 1-64 characters of A-Z a-z 0-9 _ -",
            "{\"sensors\":{}}|sensor state: ts: missing",
    })
    void rejectsInvalidStatesWithAReason(String text, String reason) {
        assertEquals(reason, reject(text));
    }
}
