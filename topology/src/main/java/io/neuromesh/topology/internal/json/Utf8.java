package io.neuromesh.topology.internal.json;

import io.neuromesh.topology.TopologyException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Strict UTF-8 decoding: a malformed byte sequence is an error that says where it is, not a silent U+FFFD. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * @return the text, without a leading byte order mark
     * @throws TopologyException when the bytes are not valid UTF-8
     */
    public static String decode(byte[] bytes) {
        if (ascii(bytes)) {
            // The usual document: one copy into a compact string, no decoder and no char buffer twice its size.
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new TopologyException(List.of("$: not valid UTF-8: malformed byte sequence at byte offset "
                    + in.position()));
        }
        out.flip();
        if (out.hasRemaining() && out.get(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
