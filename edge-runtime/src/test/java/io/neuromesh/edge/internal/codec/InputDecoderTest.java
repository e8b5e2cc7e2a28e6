package io.neuromesh.edge.internal.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputDecoderTest {

    private static Input decode(String text) throws BadInputException {
        return InputDecoder.decode(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String reject(String text) {
        return assertThrows(BadInputException.class, () -> decode(text)).getMessage();
    }

    @Test
    void decodesAWeightedInput() throws Exception {
        assertEquals(new Input(false, "sensor_x", 1.0, -1), decode("{\"from\":\"sensor_x\",\"value\":1}"));
    }

    @Test
    void decodesFieldsInAnyOrderWithWhitespaceAndATimestamp() throws Exception {
        assertEquals(new Input(false, "h-2", -0.25, 1700000000123L),
                decode(" {\n \"ts\" : 1700000000123 , \"value\":-2.5e-1,\"from\":\"h-2\"}\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fire", "fire\n", "  fire  ", "{\"fire\":true}", "{ \"fire\" : true }"})
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
            "{\"from\":\"x\",\"value\":\"1\"}|value: must be a number",
            "{\"from\":\"x\",\"value\":NaN}|value: must be a number",
            "{\"from\":\"x\",\"value\":1e400}|value: must be a finite number",
            "{\"from\":\"x\",\"value\":01}|value: must be a number",
            "{\"from\":1,\"value\":1}|from: must be a string",
            "{\"from\":\"a/b\",\"value\":1}|from: 'a/b' contains '/'; ids are 1-64 characters of A-Z a-z 0-9 _ -",
            "{\"from\":\"\",\"value\":1}|from: must not be empty; ids are 1-64 characters of A-Z a-z 0-9 _ -",
            "{\"from\":\"x\",\"value\":1,\"weight\":2}|unknown field 'weight'; an input has from, value and optional ts, or fire",
            "{\"from\":\"x\",\"from\":\"y\",\"value\":1}|from: given twice",
            "{\"from\":\"x\",\"value\":1}}|unexpected data after the object at byte 22",
            "{\"from\":\"x\",\"value\":1|unexpected end of input at byte 21",
            "{\"fire\":false}|fire: must be true",
            "{\"fire\":true,\"from\":\"x\"}|fire: cannot be combined with from or value",
            "{\"from\":\"x\",\"value\":1,\"ts\":-5}|ts: must be epoch milliseconds (a whole number >= 0)",
            "{\"from\":\"x\" \"value\":1}|expected '}' at byte 12",
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
    void decodesEscapedStrings() throws Exception {
        assertEquals("x", decode("{\"from\":\"\\u0078\",\"value\":1}").from());
    }

    @Test
    void neverThrowsAnythingButBadInputOnRandomBytes() {
        Random random = new Random(42);
        String alphabet = "{}[]\":,.-+eE0123456789 fromvalueftsiretrue\\u\n";
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
                Input input = InputDecoder.decode(payload);
                assertTrue(input.fire() || (input.from() != null && Double.isFinite(input.value())));
            } catch (BadInputException expected) {
                assertTrue(!expected.getMessage().isEmpty());
            }
        }
    }
}
