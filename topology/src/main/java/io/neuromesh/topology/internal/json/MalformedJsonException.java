package io.neuromesh.topology.internal.json;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The document is not well-formed JSON; carries where and why, as Gson reported it. */
public final class MalformedJsonException extends RuntimeException {

    // Gson reports "<reason> at line L column C path $.x" followed by a link to its troubleshooting guide.
    private static final Pattern GSON_MESSAGE = Pattern.compile("(.*?) at line (\\d+) column (\\d+) path .*");
    private static final String GSON_STRICT_HINT = "Use JsonReader.setStrictness(Strictness.LENIENT) to accept";

    private final String reason;
    private final String location;

    private MalformedJsonException(String reason, String location, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
        this.location = location;
    }

    /** Translates a Gson reader failure. */
    static MalformedJsonException from(IOException e) {
        String message = e.getMessage() == null ? "unreadable input" : e.getMessage().lines().findFirst().orElse("");
        Matcher m = GSON_MESSAGE.matcher(message);
        if (!m.matches()) {
            return new MalformedJsonException(message, null, e);
        }
        return new MalformedJsonException(readable(m.group(1)), "line " + m.group(2) + " column " + m.group(3), e);
    }

    /** A failure found by our own checks, without a location. */
    static MalformedJsonException of(String reason) {
        return new MalformedJsonException(reason, null, null);
    }

    /** The same location with another reason, e.g. for content after the top-level value. */
    MalformedJsonException withReason(String newReason) {
        return new MalformedJsonException(newReason, location, getCause());
    }

    private static String readable(String gsonReason) {
        if (gsonReason.startsWith(GSON_STRICT_HINT)) {
            // Gson's advice to be lenient is the opposite of what we want: say what strict JSON forbids instead.
            return "unexpected character (JSON allows no NaN or Infinity, comments, single quotes, unquoted names,"
                    + " leading zeros or trailing commas)";
        }
        if (gsonReason.startsWith("End of input")) {
            return "unexpected end of input";
        }
        return gsonReason.isEmpty() ? gsonReason : Character.toLowerCase(gsonReason.charAt(0)) + gsonReason.substring(1);
    }

    /** @return {@code malformed JSON at line L column C: <reason>} */
    public String describe() {
        return location == null ? "malformed JSON: " + reason : "malformed JSON at " + location + ": " + reason;
    }
}
