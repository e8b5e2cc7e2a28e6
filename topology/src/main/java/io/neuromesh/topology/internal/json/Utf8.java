package io.neuromesh.topology.internal.json;

import io.neuromesh.topology.TopologyException;

import java.io.Reader;
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
     * Decodes a document that is not all ASCII (an ASCII one is read with {@link #asciiReader}, without a String).
     *
     * @return the text, without a leading byte order mark
     * @throws TopologyException when the bytes are not valid UTF-8
     */
    public static String decode(byte[] bytes) {
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

    /**
     * The characters of an ASCII document (the usual one) read straight from its bytes, without holding its text as a
     * String beside them (11.6 MB for 100,000 neurons, for the length of the parse).
     *
     * @param bytes bytes for which {@link #ascii} is true; the reader does not copy them
     */
    public static Reader asciiReader(byte[] bytes) {
        return new AsciiReader(bytes);
    }

    /** @return true when every byte is ASCII: the bytes are valid UTF-8, each byte one character */
    public static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Characters of ASCII bytes, each byte one char. */
    private static final class AsciiReader extends Reader {

        private final byte[] bytes;
        private int position;

        AsciiReader(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (char) bytes[position + i];
            }
            position += n;
            return n;
        }

        @Override
        public void close() {
            // Nothing to release: the bytes belong to the caller.
        }
    }
}
