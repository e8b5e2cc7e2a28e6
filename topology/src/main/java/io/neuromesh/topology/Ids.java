package io.neuromesh.topology;

import io.neuromesh.topology.internal.parse.Suggestions;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The id rule shared by neurons, sensors, actuators, nodes and labels: 1-64 characters of {@code A-Z a-z 0-9 _ -}.
 * Ids become MQTT topic levels ({@code neuron/<id>}), so {@code /}, {@code +}, {@code #} and spaces are refused.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Ids {

    /** Longest id, in characters. */
    public static final int MAX_LENGTH = 64;
    /** The rule as it reads at the end of every id error message. */
    public static final String RULE = "ids are 1-64 characters of A-Z a-z 0-9 _ -";

    private Ids() {
    }

    /**
     * Checks an id.
     *
     * @param id the candidate, may be null
     * @return what is wrong, phrased to follow {@code "<field>: "}, or empty when the id is valid
     */
    public static Optional<String> problem(String id) {
        return Optional.ofNullable(problemOrNull(id));
    }

    /**
     * @param id the candidate, may be null
     * @return true when {@code id} follows the rule
     */
    public static boolean isValid(String id) {
        return problemOrNull(id) == null;
    }

    /**
     * Checks an id for a record field.
     *
     * @param field the field name used in the message, e.g. {@code "id"}
     * @param id    the candidate
     * @return {@code id}
     * @throws IllegalArgumentException {@code "<field>: <problem>"} when the id is invalid
     */
    public static String require(String field, String id) {
        String problem = problemOrNull(id);
        if (problem != null) {
            throw new IllegalArgumentException(field + ": " + problem);
        }
        return id;
    }

    /**
     * Checks every id of a list field, building no text for the valid ones (a node's status lists up to 100,000).
     *
     * @param field the field name used in the message, e.g. {@code "neurons"}
     * @param ids   the candidates
     * @throws IllegalArgumentException {@code "<field>[<index>]: <problem>"} for the first invalid id
     */
    public static void requireAll(String field, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            String problem = problemOrNull(ids.get(i));
            if (problem != null) {
                throw new IllegalArgumentException(field + "[" + i + "]: " + problem);
            }
        }
    }

    /**
     * Makes a name from elsewhere (a host name, a label) fit the rule: accents are dropped ({@code é} -> {@code e}),
     * every run of other characters becomes one {@code -} ({@code raspberrypi.local} -> {@code raspberrypi-local},
     * {@code My Pi (2)} -> {@code My-Pi-2}), a {@code -} left at either end by that is removed, and the result is cut
     * to {@link #MAX_LENGTH} characters. A valid id is returned unchanged.
     *
     * @param name the name, may be null
     * @return the id, or empty when nothing of {@code name} fits (null, empty, or no letter, digit, {@code _} or
     *         {@code -} at all)
     */
    public static Optional<String> fit(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (isValid(name)) {
            return Optional.of(name);
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder id = new StringBuilder(Math.min(plain.length(), MAX_LENGTH));
        boolean replaced = false;
        for (int i = 0; i < plain.length() && id.length() < MAX_LENGTH; i++) {
            char c = plain.charAt(i);
            if (isIdChar(c)) {
                if (replaced && !id.isEmpty()) {
                    if (id.length() + 2 > MAX_LENGTH) {
                        break;
                    }
                    id.append('-');
                }
                replaced = false;
                id.append(c);
            } else {
                replaced = true;
            }
        }
        return id.isEmpty() ? Optional.empty() : Optional.of(id.toString());
    }

    /**
     * "Did you mean": the known id closest to a mistyped one, ignoring case, within two edits (an insertion, a
     * deletion, a substitution or a swap of neighbours each count one).
     *
     * @param typed the id as typed
     * @param known the ids there are
     * @return the closest known id (the first one on ties), or empty when none is close
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        return Suggestions.closest(typed, known);
    }

    static String problemOrNull(String id) {
        if (id == null) {
            return "must not be null";
        }
        if (id.isEmpty()) {
            return "must not be empty; " + RULE;
        }
        if (id.length() > MAX_LENGTH) {
            return "is " + id.length() + " characters long; " + RULE;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isIdChar(c)) {
                String what = describe(c);
                // A control character printed inside the quoted id would garble the message, so name it alone.
                return (what.startsWith("U+") ? "contains " : "'" + id + "' contains ") + what + "; " + RULE;
            }
        }
        return null;
    }

    private static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSurrogate(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
