package io.neuromesh.topology.internal.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects validation errors so that a user sees all of them at once. Keeps the first {@link #LIMIT} and counts the
 * rest, so that a huge broken document cannot exhaust the memory of a small device. Not thread-safe.
 */
public final class Issues {

    /** Most errors kept; later ones are only counted. */
    public static final int LIMIT = 1000;

    private final List<Issue> kept = new ArrayList<>();
    private int count;

    /** Records an error. */
    public void add(long order, Path path, String message) {
        count++;
        if (kept.size() < LIMIT) {
            kept.add(new Issue(order, path, message));
        }
    }

    /** @return how many errors were added, including those not kept */
    public int count() {
        return count;
    }

    /** @return true when no error was added */
    public boolean isEmpty() {
        return count == 0;
    }

    /** @return the errors as {@code "<path>: <what>"} in document order, plus a line counting those not kept */
    public List<String> report() {
        List<String> lines = new ArrayList<>(kept.size() + 1);
        kept.stream().sorted(Comparator.comparingLong(Issue::order)).forEach(issue -> lines.add(issue.toString()));
        if (count > kept.size()) {
            lines.add("$: " + (count - kept.size()) + " more errors not shown");
        }
        return lines;
    }
}
