package io.neuromesh.topology.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped JSON Schema is valid JSON and lists exactly the fields the parser knows. */
@Timeout(10)
class SchemaTest {

    private static JsonObject schema;

    @BeforeAll
    static void readSchema() throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream("/neuromesh-topology.schema.json")) {
            assertNotNull(in, "neuromesh-topology.schema.json is not on the classpath");
            JsonReader reader = new JsonReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.setStrictness(Strictness.STRICT);
            schema = JsonParser.parseReader(reader).getAsJsonObject();
        }
    }

    @Test
    void declaresDraft2020And12() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").getAsString());
    }

    @Test
    void listsEveryTopLevelFieldTheParserKnows() {
        assertEquals(FieldNames.TOP_LEVEL, List.copyOf(schema.getAsJsonObject("properties").keySet()));
        assertEquals(List.of("rev", "neurons"), strings(schema.getAsJsonArray("required")));
    }

    static Stream<Arguments> objects() {
        return Stream.of(
                Arguments.of("defaults", FieldNames.DEFAULTS),
                Arguments.of("node", FieldNames.NODE),
                Arguments.of("sensor", FieldNames.SENSOR),
                Arguments.of("neuron", FieldNames.NEURON),
                Arguments.of("synapse", FieldNames.SYNAPSE),
                Arguments.of("actuator", FieldNames.ACTUATOR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objects")
    void listsEveryFieldOfEachObjectTheParserKnows(String definition, List<String> fields) {
        JsonObject object = schema.getAsJsonObject("$defs").getAsJsonObject(definition);
        assertEquals(fields, List.copyOf(object.getAsJsonObject("properties").keySet()));
        assertFalse(object.get("additionalProperties").getAsBoolean());
    }

    @Test
    void listsTheFieldsOfASensorValue() {
        JsonObject value = schema.getAsJsonObject("$defs").getAsJsonObject("sensor")
                .getAsJsonObject("properties").getAsJsonObject("value");
        assertEquals(FieldNames.SENSOR_VALUE, List.copyOf(value.getAsJsonObject("properties").keySet()));
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }
}
