package io.neuromesh.topology.internal.serialize;

import com.google.gson.stream.JsonWriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The canonical form was defined with Gson's writer: the emitter must write every string as it did. */
class JsonEmitterTest {

    /** All 65,536 UTF-16 code units, in order (lone surrogates included). */
    private static String everyCharacter() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            all.append(c);
        }
        return all.append(Character.MAX_VALUE).toString();
    }

    @Test
    void escapesEveryCharacterAsGsonsWriterWithoutHtmlEscaping() throws IOException {
        String every = everyCharacter();
        StringWriter gson = new StringWriter();
        try (JsonWriter writer = new JsonWriter(gson)) {
            writer.setHtmlSafe(false);
            writer.beginObject().name(every).beginArray().value(every).value(-12).value(true).endArray()
                    .name("n").jsonValue("0.5").endObject();
        }

        CanonicalOut.Text text = new CanonicalOut.Text();
        new JsonEmitter(text).beginObject().name(every).beginArray().value(every).value(-12).value(true).endArray()
                .name("n").literal("0.5").endObject();

        assertEquals(gson.toString(), text.toString());
    }

    @Test
    void digestsTheUtf8BytesOfTheTextAcrossBuffersAndOutsideAscii() throws Exception {
        // Pairs, lone surrogates (both sinks must give '?'), and runs longer than the 16-byte buffer.
        String value = "caf\u00e9 \uD83D\uDE00 lone \uD800 end \uDC00 " + "x".repeat(40) + "\u00e9".repeat(20);
        assertDigestsTheTextsBytes(16, value, value);
    }

    @Test
    void digestsEveryCharacterAsTheTextWritesIt() throws Exception {
        assertDigestsTheTextsBytes(64, everyCharacter());
    }

    /** Writes an array of {@code values} to both sinks: the digest must be that of the text's UTF-8 bytes. */
    private static void assertDigestsTheTextsBytes(int bufferBytes, String... values) throws Exception {
        CanonicalOut.Text text = new CanonicalOut.Text();
        CanonicalOut.Digest digest = new CanonicalOut.Digest(MessageDigest.getInstance("SHA-256"), bufferBytes);
        for (CanonicalOut sink : List.of(text, digest)) {
            JsonEmitter out = new JsonEmitter(sink).beginArray();
            for (String value : values) {
                out.value(value);
            }
            out.endArray();
        }

        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.toString().getBytes(StandardCharsets.UTF_8))),
                HexFormat.of().formatHex(digest.digest()));
    }
}
