package io.neuromesh.topology.internal.json;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.Reader;

/**
 * A strict streaming JSON reader (RFC 8259 only: no NaN, comments or single quotes) that reports malformed input
 * as an unchecked {@link MalformedJsonException} and can describe an unexpected value for an error message.
 * Not thread-safe.
 */
public final class JsonCursor {

    // Each call catches IOException itself: a method reference per call (one object per token, millions for a large
    // document) is not optimised away by the client compiler the edge runs with.

    private static final int SHOWN_STRING_LENGTH = 40;

    private final JsonReader reader;

    /** @param json the whole document's characters */
    public JsonCursor(Reader json) {
        reader = new JsonReader(json);
        reader.setStrictness(Strictness.STRICT);
    }

    /** @return the kind of the next token */
    public JsonToken peek() {
        try {
            return reader.peek();
        } catch (IOException e) {
            throw MalformedJsonException.from(e);
        }
    }

    /** Consumes {@code {}. */
    public void beginObject() {
        try {
            reader.beginObject();
        } catch (IOException e) {
            throw MalformedJsonException.from(e);
        }
    }

    /** Consumes {@code }}. */
    public void endObject() {
        try {
            reader.endObject();
        } catch (IOException e) {
            throw MalformedJsonException.from(e);
        }
    }

    /** Consumes {@code [}. */
    public void beginArray() {
        try {
            reader.beginArray();
        } catch (IOException e) {
            throw MalformedJsonException.from(e);
        }
    }

    /** Consumes {@code ]}. */
    public void endArray() {
        try {
            reader.endArray();
        } catch (IOException e) {
            throw MalformedJsonException.from(e);
        }
    }

    /** @return true while the current object or array has more members */
    public boolean hasNext() {
        try {
            return reader.hasNext();
        } catch (IOException e) {
            throw MalformedJsonException.from(e);
        }
    }

    /** @return the next member name */
    public String nextName() {
        try {
            return reader.nextName();
        } catch (IOException e) {
            throw MalformedJsonException.from(e);
        }
    }

    /** @return the next string value (call only when {@link #peek()} is {@link JsonToken#STRING}) */
    public String nextString() {
        try {
            return reader.nextString();
        } catch (IOException e) {
            throw MalformedJsonException.from(e);
        }
    }

    /** @return the next number exactly as written (call only when {@link #peek()} is {@link JsonToken#NUMBER}) */
    public String nextNumberLiteral() {
        return nextString();
    }

    /** @return the next boolean (call only when {@link #peek()} is {@link JsonToken#BOOLEAN}) */
    public boolean nextBoolean() {
        try {
            return reader.nextBoolean();
        } catch (IOException e) {
            throw MalformedJsonException.from(e);
        }
    }

    /**
     * Consumes the next value, whatever it is.
     *
     * @return how an error message shows it: {@code string "high"}, {@code number 1.5}, {@code boolean true},
     *         {@code null}, {@code an array} or {@code an object}
     */
    public String skipAndDescribe() {
        try {
            return switch (reader.peek()) {
                case STRING -> "string \"" + shorten(reader.nextString()) + "\"";
                case NUMBER -> "number " + reader.nextString();
                case BOOLEAN -> "boolean " + reader.nextBoolean();
                case NULL -> {
                    reader.nextNull();
                    yield "null";
                }
                case BEGIN_ARRAY -> {
                    reader.skipValue();
                    yield "an array";
                }
                case BEGIN_OBJECT -> {
                    reader.skipValue();
                    yield "an object";
                }
                default -> throw new IllegalStateException("no value to skip at " + reader.getPath());
            };
        } catch (IOException e) {
            throw MalformedJsonException.from(e);
        }
    }

    /** Consumes the next value without looking at it. */
    public void skip() {
        try {
            reader.skipValue();
        } catch (IOException e) {
            throw MalformedJsonException.from(e);
        }
    }

    /** Fails when anything but whitespace follows the top-level value. */
    public void expectEnd() {
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw MalformedJsonException.of("unexpected content after the top-level object");
            }
        } catch (IOException e) {
            throw MalformedJsonException.from(e).withReason("unexpected content after the top-level object");
        }
    }

    private static String shorten(String s) {
        return s.length() <= SHOWN_STRING_LENGTH ? s : s.substring(0, SHOWN_STRING_LENGTH) + "...";
    }
}
