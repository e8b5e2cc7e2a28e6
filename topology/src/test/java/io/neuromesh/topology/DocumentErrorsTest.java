package io.neuromesh.topology;

import static io.neuromesh.topology.Docs.errorsOf;
import static io.neuromesh.topology.Docs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Problems with the payload as a whole: size, encoding, syntax, shape. */
@Timeout(20)
class DocumentErrorsTest {

    private static final String STRICT = "unexpected character (JSON allows no NaN or Infinity, comments, single "
            + "quotes, unquoted names, leading zeros or trailing commas)";

    static Stream<Arguments> malformedDocuments() {
        return Stream.of(
                Arguments.of("{\"rev\": 1, \"neurons\": [{\"id\": \"a\", \"threshold\": NaN}]}",
                        "$: malformed JSON at line 1 column 49: " + STRICT),
                Arguments.of("{\"rev\": 1, \"neurons\": [{\"id\": \"a\", \"threshold\": Infinity}]}",
                        "$: malformed JSON at line 1 column 49: " + STRICT),
                Arguments.of("{\"rev\": 1, // comment\n \"neurons\": []}", "$: malformed JSON at line 1 column 13: " + STRICT),
                Arguments.of("{'rev': 1, 'neurons': []}", "$: malformed JSON at line 1 column 3: " + STRICT),
                Arguments.of("{\"rev\": 01, \"neurons\": []}", "$: malformed JSON at line 1 column 9: " + STRICT),
                Arguments.of("{\"rev\": 1, \"neurons\": [],}", "$: malformed JSON at line 1 column 27: expected name"),
                Arguments.of("{\"rev\" 1, \"neurons\": []}", "$: malformed JSON at line 1 column 9: expected ':'"),
                Arguments.of("{\"rev\": 1,\n \"neurons\": [\n", "$: malformed JSON at line 3 column 1: unexpected end of input"),
                Arguments.of("{\"rev\": 1, \"name\": \"a\\qb\", \"neurons\": []}",
                        "$: malformed JSON at line 1 column 24: invalid escape sequence"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDocuments")
    void reportsMalformedJsonAsOneErrorWithItsPosition(String document, String error) {
        assertEquals(List.of(error), assertThrows(TopologyException.class, () -> Topology.parse(document)).errors());
    }

    @Test
    void rejectsContentAfterTheTopLevelObject() {
        assertEquals(List.of("$: malformed JSON at line 2 column 2: unexpected content after the top-level object"),
                assertThrows(TopologyException.class, () -> Topology.parse("{\"rev\":1,\"neurons\":[]}\n}")).errors());
    }

    @Test
    void rejectsASecondTopLevelObject() {
        assertEquals(List.of("$: malformed JSON at line 1 column 25: unexpected content after the top-level object"),
                assertThrows(TopologyException.class, () -> Topology.parse("{\"rev\":1,\"neurons\":[]} {}")).errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t "})
    void rejectsAnEmptyPayload(String document) {
        assertEquals(List.of("$: topology is empty; expected a JSON object such as {\"rev\": 1, \"neurons\": []}"),
                assertThrows(TopologyException.class, () -> Topology.parse(document)).errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " \n\t\r", "\uFEFF", "\uFEFF \n"})
    void rejectsAnEmptyByteArray(String document) {
        byte[] payload = document.getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("$: topology is empty; expected a JSON object such as {\"rev\": 1, \"neurons\": []}"),
                assertThrows(TopologyException.class, () -> Topology.parse(payload)).errors());
        assertEquals(List.of("$: topology is empty; expected a JSON object such as {\"rev\": 1, \"neurons\": []}"),
                assertThrows(TopologyException.class, () -> TopologyIndex.parse(payload)).errors());
    }

    static Stream<Arguments> nonObjects() {
        return Stream.of(
                Arguments.of("[]", "$: must be an object, got an array"),
                Arguments.of("\"topology\"", "$: must be an object, got string \"topology\""),
                Arguments.of("42", "$: must be an object, got number 42"),
                Arguments.of("null", "$: must be an object, got null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonObjects")
    void rejectsATopLevelThatIsNotAnObject(String document, String error) {
        assertEquals(List.of(error), assertThrows(TopologyException.class, () -> Topology.parse(document)).errors());
    }

    @Test
    void rejectsAPayloadOverTheDefaultLimitBeforeReadingIt() {
        byte[] payload = new byte[17_000_000];
        assertEquals(List.of("$: topology is 17000000 bytes; the limit is 16777216"),
                assertThrows(TopologyException.class, () -> Topology.parse(payload)).errors());
    }

    @Test
    void appliesACustomLimit() {
        byte[] payload = json("{'rev':1,'neurons':[]}").getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("$: topology is 22 bytes; the limit is 21"),
                assertThrows(TopologyException.class, () -> Topology.parse(payload, 21)).errors());
        assertEquals(1, Topology.parse(payload, 22).rev());
    }

    @Test
    void rejectsANonPositiveLimitAsAProgrammingError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Topology.parse(new byte[1], 0));
        assertEquals("maxBytes: must be an integer from 1 to 2147483647, got 0", e.getMessage());
    }

    @Test
    void rejectsInvalidUtf8SayingWhere() {
        byte[] payload = json("{'rev':1,'name':'x?','neurons':[]}").getBytes(StandardCharsets.UTF_8);
        payload[18] = (byte) 0xC3;
        assertEquals(List.of("$: not valid UTF-8: malformed byte sequence at byte offset 18"),
                assertThrows(TopologyException.class, () -> Topology.parse(payload)).errors());
    }

    @Test
    void acceptsUtf8WithAByteOrderMark() {
        byte[] body = json("{'rev':1,'name':'h\u00e9','neurons':[]}").getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[body.length + 3];
        payload[0] = (byte) 0xEF;
        payload[1] = (byte) 0xBB;
        payload[2] = (byte) 0xBF;
        System.arraycopy(body, 0, payload, 3, body.length);
        assertEquals("h\u00e9", Topology.parse(payload).name());
    }

    @Test
    void decodesAsciiAndOtherUtf8Alike() {
        assertEquals("ha", Topology.parse(json("{'rev':1,'name':'ha','neurons':[]}")
                .getBytes(StandardCharsets.UTF_8)).name());
        assertEquals("h\u00e9\u6f22", Topology.parse(json("{'rev':1,'name':'h\u00e9\u6f22','neurons':[]}")
                .getBytes(StandardCharsets.UTF_8)).name());
    }

    @Test
    void rejectsDeeplyNestedValuesInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        List<String> errors = assertThrows(TopologyException.class,
                () -> Topology.parse("{\"rev\":1,\"neurons\":[],\"x\":" + deep + "}")).errors();
        assertEquals(1, errors.size());
        assertEquals("$: malformed JSON at line 1 column 282: nesting limit 255 reached", errors.get(0));
    }

    @Test
    void cutsHugeValuesShortInMessages() {
        String huge = "9".repeat(1000);
        assertEquals(List.of("rev: must be an integer from 1 to 9007199254740991, got " + "9".repeat(40) + "..."),
                errorsOf("{'rev':" + huge + ",'neurons':[]}"));
    }

    @Test
    void joinsAllErrorsInTheExceptionMessage() {
        TopologyException e = assertThrows(TopologyException.class, () -> Topology.parse(json("{'rev':0}")));
        assertEquals("rev: must be an integer from 1 to 9007199254740991, got 0; "
                + "neurons: missing; use \"neurons\": [] for an empty network", e.getMessage());
    }

    @Test
    void acceptsWholeNumbersWrittenWithAFractionOrExponentAsIntegers() {
        assertEquals(List.of(1L, 100L, 2L), Stream.of("1.0", "1e2", "2.000")
                .map(rev -> Topology.parse(json("{'rev':" + rev + ",'neurons':[]}")).rev()).toList());
    }

    @Test
    void listsNoMoreThanTheCapWhenEveryElementIsBroken() {
        String[] neurons = new String[5000];
        Arrays.fill(neurons, "{}");
        List<String> errors = errorsOf("{'rev':1,'neurons':[" + String.join(",", neurons) + "]}");
        assertEquals(1001, errors.size());
        assertEquals("$: 9000 more errors not shown", errors.get(1000));
    }
}
