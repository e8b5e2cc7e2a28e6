package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputCodecTest {

    private static Input decode(String text) throws WireFormatException {
        return InputCodec.decode(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(Input input) {
        return new String(InputCodec.encode(input), StandardCharsets.UTF_8);
    }

    private static String reject(String text) {
        return assertThrows(WireFormatException.class, () -> decode(text)).getMessage();
    }

    @Test
    void encodesExactlyWhatTheRuntimeHasAlwaysSentDownstream() {
        // The bytes of the runtime's former writer: integral values without a fraction, others as Java prints them.
        String[] expected = {"0", "1", "-2", "0.25", "1.0E20", "-0.5"};
        double[] values = {0, 1, -2, 0.25, 1e20, -0.5};
        for (int i = 0; i < values.length; i++) {
            assertEquals("{\"from\":\"h2\",\"value\":" + expected[i] + "}", encode(Input.of("h2", values[i])));
        }
        assertEquals("{\"from\":\"sensor_x\",\"value\":1}", encode(Input.of("sensor_x", 1)));
        assertEquals("{\"fire\":true}", encode(Input.fireCommand()));
    }

    @Test
    void roundTripsInputsWithAndWithoutATimestamp() throws Exception {
        Input plain = Input.of("sensor_x", -0.25);
        Input stamped = new Input(false, "h1", 1, Optional.of(Instant.ofEpochMilli(1_767_225_600_123L)));
        assertEquals(plain, InputCodec.decode(InputCodec.encode(plain)));
        assertEquals(stamped, InputCodec.decode(InputCodec.encode(stamped)));
        assertEquals("{\"from\":\"h1\",\"value\":1,\"ts\":1767225600123}", encode(stamped));
        assertEquals(Input.fireCommand(), InputCodec.decode(InputCodec.encode(Input.fireCommand())));
    }

    @Test
    void decodesFieldsInAnyOrderWithWhitespaceAVersionAndATimestamp() throws Exception {
        assertEquals(new Input(false, "h-2", -0.25, Optional.of(Instant.ofEpochMilli(1700000000123L))),
                decode(" {\n \"ts\" : 1700000000123 , \"v\":1, \"value\":-2.5e-1,\"from\":\"h-2\"}\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fire", "fire\n", "  fire  ", "{\"fire\":true}", "{ \"fire\" : true }",
            "{\"v\":1,\"fire\":true}"})
    void decodesTheFireCommand(String text) throws Exception {
        assertTrue(decode(text).fire());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|empty payload; send {\"from\":\"<source>\",\"value\":<number>} or fire",
            "hello|expected a JSON object or the text fire",
            "firex|expected a JSON object or the text fire",
            "{}|empty object; send {\"from\":\"<source>\",\"value\":<number>}",
            "{\"from\":\"x\"}|value: missing",
            "{\"value\":1}|from: missing; an input names its source",
            "{\"from\":\"x\",\"value\":\"1\"}|value: must be a finite number, got \"1\"",
            "{\"from\":\"x\",\"value\":NaN}|value: must be a finite number, got NaN",
            "{\"from\":\"x\",\"value\":1e400}|value: must be a finite number, got 1e400",
            "{\"from\":\"x\",\"value\":01}|value: must be a finite number, got 01",
            "{\"from\":1,\"value\":1}|from: must be a string",
            "{\"from\":\"a/b\",\"value\":1}|from: 'a/b' contains '/'; ids are 1-64 characters of A-Z a-z 0-9 _ -",
            "{\"from\":\"\",\"value\":1}|from: must not be empty; ids are 1-64 characters of A-Z a-z 0-9 _ -",
            "{\"from\":\"x\",\"value\":1,\"weight\":2}|unknown field 'weight'; an input has from, value and optional ts and tick, or fire",
            "{\"from\":\"x\",\"from\":\"y\",\"value\":1}|from: given twice",
            "{\"from\":\"x\",\"value\":1}}|unexpected data after the object at byte 22",
            "{\"from\":\"x\",\"value\":1|unexpected end of input at byte 21",
            "{\"fire\":false}|fire: must be true",
            "{\"fire\":true,\"from\":\"x\"}|fire: cannot be combined with from, value, ts or tick",
            "{\"from\":\"x\",\"value\":1,\"ts\":-5}|ts: must be epoch milliseconds (a whole number >= 0)",
            "{\"from\":\"x\",\"value\":1,\"ts\":1.5}|ts: must be epoch milliseconds (a whole number >= 0)",
            "{\"from\":\"x\" \"value\":1}|expected '}' at byte 12",
            "{\"v\":2,\"from\":\"x\",\"value\":1}|input: v: version 2 is newer than this node reads (1); upgrade this node",
            "{\"v\":0,\"from\":\"x\",\"value\":1}|input: v: must be a version >= 1, got 0",
            "{\"v\":\"1\",\"from\":\"x\",\"value\":1}|v: must be a finite number, got \"1\"",
            "{\"v\":1,\"v\":1,\"from\":\"x\",\"value\":1}|v: given twice",
    })
    void rejectsMalformedInputsWithAReason(String text, String reason) {
        assertEquals(reason, reject(text));
    }

    @Test
    void rejectsOversizedPayloads() {
        String big = "{\"from\":\"x\",\"value\":1" + " ".repeat(5000) + "}";
        assertEquals("input is 5022 bytes; the limit is 4096", reject(big));
    }

    @Test
    void rejectsAnIdOfMoreThan64CharactersWithoutQuotingIt() {
        assertEquals("from: is 65 characters long; ids are 1-64 characters of A-Z a-z 0-9 _ -",
                reject("{\"from\":\"" + "a".repeat(65) + "\",\"value\":1}"));
    }

    @Test
    void decodesEscapedStrings() throws Exception {
        assertEquals("x", decode("{\"from\":\"\\u0078\",\"value\":1}").from());
    }

    @Test
    void recordsRefuseWhatTheWireRefuses() {
        assertEquals("value: must be a finite number, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Input.of("x", Double.NaN)).getMessage());
        assertEquals("fire: cannot be combined with from, value, ts or tick",
                assertThrows(IllegalArgumentException.class, () -> new Input(true, "x", 1, Optional.empty()))
                        .getMessage());
    }

    @Test
    void neverThrowsAnythingButAWireFormatExceptionOnRandomBytes() {
        Random random = new Random(42);
        String alphabet = "{}[]\":,.-+eE0123456789 fromvalueftsiretruev\\u\n";
        for (int i = 0; i < 20_000; i++) {
            byte[] payload;
            if (i % 2 == 0) {
                payload = new byte[random.nextInt(40)];
                random.nextBytes(payload);
            } else {
                StringBuilder s = new StringBuilder();
                int n = random.nextInt(40);
                for (int k = 0; k < n; k++) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                payload = s.toString().getBytes(StandardCharsets.UTF_8);
            }
            try {
                Input input = InputCodec.decode(payload);
                assertTrue(input.fire() || (input.from() != null && Double.isFinite(input.value())));
            } catch (WireFormatException expected) {
                assertTrue(!expected.getMessage().isEmpty());
            }
        }
    }
}
