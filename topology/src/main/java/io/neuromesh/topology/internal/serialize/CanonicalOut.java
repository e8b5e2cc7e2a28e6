package io.neuromesh.topology.internal.serialize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Where {@link CanonicalJson} writes: text for {@code toJson}, or the UTF-8 bytes straight into a digest for the
 * content hash. Not thread-safe.
 *
 * <p>The canonical form of 100,000 neurons is 18 MB, almost all ASCII: the digest sink copies ASCII into one byte
 * buffer, and encodes any other run of characters with {@link String#getBytes} (a lone surrogate becomes {@code ?},
 * as in the text's own UTF-8 bytes). A writer chain (a JSON writer, {@code BufferedWriter}, {@code
 * OutputStreamWriter}) took three times as long: it locks on every call and runs a charset encoder per buffer.
 */
abstract sealed class CanonicalOut {

    /** Appends one ASCII character. */
    abstract void ascii(char c);

    /** Appends {@code text} from {@code start} to {@code end}, any characters, as they are. */
    abstract void text(String text, int start, int end);

    /** Appends every character of {@code text}, as they are. */
    final void text(String text) {
        text(text, 0, text.length());
    }

    /** Appends the inside of a JSON string holding {@code value}: its characters, escaped ({@link JsonEmitter#escape}). */
    abstract void escaped(String value);

    /** The text sink. */
    static final class Text extends CanonicalOut {
        private final StringBuilder out = new StringBuilder();

        @Override
        void ascii(char c) {
            out.append(c);
        }

        @Override
        void text(String text, int start, int end) {
            out.append(text, start, end);
        }

        @Override
        void escaped(String value) {
            int run = 0;
            for (int i = 0; i < value.length(); i++) {
                String escape = JsonEmitter.escape(value.charAt(i));
                if (escape != null) {
                    out.append(value, run, i).append(escape);
                    run = i + 1;
                }
            }
            out.append(value, run, value.length());
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** The digest sink; call {@link #digest()} once, at the end. */
    static final class Digest extends CanonicalOut {
        private final MessageDigest digest;
        private final byte[] buffer;
        private int used;

        Digest(MessageDigest digest, int bufferBytes) {
            this.digest = digest;
            this.buffer = new byte[bufferBytes];
        }

        @Override
        void ascii(char c) {
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = (byte) c;
        }

        @Override
        void text(String text, int start, int end) {
            int i = start;
            while (i < end) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    ascii(c);
                    i++;
                } else {
                    int runEnd = i + 1;
                    while (runEnd < end && text.charAt(runEnd) >= 0x80) {
                        runEnd++;
                    }
                    flush();
                    digest.update(text.substring(i, runEnd).getBytes(StandardCharsets.UTF_8));
                    i = runEnd;
                }
            }
        }

        /** One pass over the characters: escaping first, then copying, took as long as the hashing. */
        @Override
        void escaped(String value) {
            int length = value.length();
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                String escape;
                if (JsonEmitter.plainAscii(c)) {
                    ascii(c);
                } else if ((escape = JsonEmitter.escape(c)) != null) {
                    text(escape);
                } else {
                    // A run of other characters is encoded whole, so that a surrogate pair stays one character.
                    int runEnd = i + 1;
                    while (runEnd < length && value.charAt(runEnd) >= 0x80
                            && JsonEmitter.escape(value.charAt(runEnd)) == null) {
                        runEnd++;
                    }
                    text(value, i, runEnd);
                    i = runEnd - 1;
                }
            }
        }

        byte[] digest() {
            flush();
            return digest.digest();
        }

        private void flush() {
            digest.update(buffer, 0, used);
            used = 0;
        }
    }
}
