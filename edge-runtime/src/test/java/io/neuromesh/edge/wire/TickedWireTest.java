package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The discrete-time fields: an input's and an output's {@code tick}, and the progress note. */
class TickedWireTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTickedValueAndAProgressNoteRoundTrip() throws Exception {
        Input value = Input.ticked("h1", 1, 17_672_256_011L);
        assertEquals("{\"from\":\"h1\",\"value\":1,\"tick\":17672256011}", text(InputCodec.encode(value)));
        assertEquals(value, InputCodec.decode(InputCodec.encode(value)));
        Input note = Input.progress("y", 17_672_256_011L);
        assertEquals("{\"from\":\"y\",\"tick\":17672256011}", text(InputCodec.encode(note)));
        Input decoded = InputCodec.decode(bytes("{\"tick\":17672256011,\"from\":\"y\"}"));
        assertTrue(decoded.isProgress());
        assertEquals(OptionalLong.of(17_672_256_011L), decoded.tick());
    }

    @Test
    void aSensorInputCarriesItsSourceTime() throws Exception {
        Input sensed = new Input(false, "sensor_x", 1, Optional.of(Instant.ofEpochMilli(1_767_225_601_140L)));
        assertEquals("{\"from\":\"sensor_x\",\"value\":1,\"ts\":1767225601140}", text(InputCodec.encode(sensed)));
    }

    @Test
    void refusesABadTickOrANoteWithoutOne() {
        assertEquals("tick: must be a tick number (a whole number >= 0)", assertThrows(WireFormatException.class,
                () -> InputCodec.decode(bytes("{\"from\":\"y\",\"tick\":-1}"))).getMessage());
        assertEquals("value: missing", assertThrows(WireFormatException.class,
                () -> InputCodec.decode(bytes("{\"from\":\"y\"}"))).getMessage());
        assertEquals("fire: cannot be combined with from, value, ts or tick", assertThrows(WireFormatException.class,
                () -> InputCodec.decode(bytes("{\"fire\":true,\"tick\":3}"))).getMessage());
        assertEquals("value: must be a finite number, got NaN", assertThrows(IllegalArgumentException.class,
                () -> Input.of("y", Double.NaN)).getMessage());
    }

    @Test
    void anOutputCarriesTheTickOfItsSettledValue() throws Exception {
        Output output = new Output(1, Instant.ofEpochMilli(1_767_225_601_250L), "n3", OptionalLong.of(17_672_256_011L));
        assertEquals("{\"v\":1,\"value\":1,\"ts\":1767225601250,\"node\":\"n3\",\"tick\":17672256011}",
                text(OutputCodec.encode(output)));
        assertEquals(output, OutputCodec.decode(OutputCodec.encode(output)));
        assertEquals(OptionalLong.empty(), OutputCodec.decode(bytes("{\"v\":1,\"value\":0,\"ts\":1,\"node\":\"n3\"}")).tick());
    }
}
