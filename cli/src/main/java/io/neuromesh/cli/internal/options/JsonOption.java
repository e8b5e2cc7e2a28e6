package io.neuromesh.cli.internal.options;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/**
 * {@code --json}: print what the command lists or shows as JSON for scripts ({@code jq}) instead of the table.
 * Streams print one compact JSON object per line (JSON lines); everything else one pretty document.
 */
public final class JsonOption {

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    @Option(names = "--json", description = "print JSON instead of the human-readable text")
    private boolean json;

    /** @return whether {@code --json} was given */
    public boolean enabled() {
        return json;
    }

    /** Prints one JSON document, indented. */
    public static void print(PrintStream out, JsonElement document) {
        out.println(PRETTY.toJson(document));
    }

    /** Prints one JSON object on one line, and flushes: a line of a JSON-lines stream. */
    public static void printLine(PrintStream out, JsonElement line) {
        out.println(COMPACT.toJson(line));
        out.flush();
    }
}
