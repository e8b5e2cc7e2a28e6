package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PinStateCodecTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_000L);

    private static String encode(PinState state) {
        return new String(PinStateCodec.encode(state), StandardCharsets.UTF_8);
    }

    private static String reject(String text) {
        return assertThrows(WireFormatException.class,
                () -> PinStateCodec.decode(text.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    @Test
    void writesTheDocumentedShapes() {
        assertEquals("{\"v\":1,\"pin\":17,\"id\":\"button_x\",\"kind\":\"input\",\"active\":true,\"level\":\"high\","
                + "\"ts\":1767225600000}", encode(PinState.input(17, "button_x", true, PinLevel.HIGH, TS)));
        assertEquals("{\"v\":1,\"pin\":22,\"id\":\"led_z\",\"neuron\":\"z\",\"kind\":\"digital\",\"active\":true,"
                + "\"level\":\"low\",\"ts\":1767225600000}",
                encode(PinState.digital(22, "led_z", "z", true, PinLevel.LOW, TS)));
        assertEquals("{\"v\":1,\"pin\":18,\"id\":\"fan\",\"neuron\":\"z\",\"kind\":\"pwm\",\"active\":true,"
                + "\"duty\":50.0,\"ts\":1767225600000}", encode(PinState.pwm(18, "fan", "z", 50, TS)));
    }

    @Test
    void roundTripsEveryKind() throws Exception {
        for (PinState state : List.of(PinState.input(17, "button_x", false, PinLevel.LOW, TS),
                PinState.digital(22, "led_z", "z", true, PinLevel.HIGH, TS), PinState.pwm(18, "fan", "z", 0, TS),
                PinState.pwm(18, "fan", "z", 12.5, TS))) {
            assertEquals(state, PinStateCodec.decode(PinStateCodec.encode(state)));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|pin state: empty payload",
            "nope|pin state: must be a JSON object, got \"nope\"",
            "{\"pin\":|pin state: not JSON: End of input at line 1 column 8 path $.pin",
            "[]|pin state: must be a JSON object, got []",
            "{\"v\":2,\"pin\":17}|pin state: v: version 2 is newer than this node reads (1); upgrade this node",
            "{\"v\":1.5,\"pin\":17}|pin state: v: must be a whole number, got 1.5",
            "{\"pin\":-1,\"id\":\"b\",\"kind\":\"input\",\"active\":true,\"level\":\"high\",\"ts\":1}|pin state: pin: must be a whole number >= 0, got -1",
            "{\"pin\":17,\"kind\":\"input\",\"active\":true,\"level\":\"high\",\"ts\":1}|pin state: id: missing",
            "{\"pin\":17,\"id\":\"b\",\"kind\":\"analog\",\"active\":true,\"level\":\"high\",\"ts\":1}|pin state: kind: must be one of input, digital, pwm, got \"analog\"",
            "{\"pin\":17,\"id\":\"b\",\"kind\":\"input\",\"active\":\"yes\",\"level\":\"high\",\"ts\":1}|pin state: active: must be true or false, got \"yes\"",
            "{\"pin\":17,\"id\":\"b\",\"kind\":\"input\",\"active\":true,\"ts\":1}|pin state: level: missing; an input pin is high or low",
            "{\"pin\":18,\"id\":\"f\",\"neuron\":\"z\",\"kind\":\"pwm\",\"active\":true,\"level\":\"high\",\"ts\":1}|pin state: level: a pwm pin has a duty, not a level",
            "{\"pin\":18,\"id\":\"f\",\"neuron\":\"z\",\"kind\":\"pwm\",\"active\":true,\"duty\":150,\"ts\":1}|pin state: duty: must be 0 to 100 percent, got 150.0",
            "{\"pin\":22,\"id\":\"l\",\"kind\":\"digital\",\"active\":true,\"level\":\"high\",\"ts\":1}|pin state: neuron: missing; a digital actuator follows a neuron",
    })
    void rejectsInvalidPinStatesWithAReason(String text, String reason) {
        assertEquals(reason, reject(text));
    }
}
