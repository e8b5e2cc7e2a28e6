package io.neuromesh.flows.internal.wire;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8Test {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "Grüße", "神經網", "emoji 🧠 and more"})
    void countsBytesAsTheEncoderDoes(String text) {
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text));
    }
}
