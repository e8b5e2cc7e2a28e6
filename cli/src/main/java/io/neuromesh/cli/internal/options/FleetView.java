package io.neuromesh.cli.internal.options;

import com.google.gson.JsonElement;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What the commands that show something of the fleet share: {@code --broker} and {@code --json}, and the one way
 * they print an answer, JSON with {@code --json}, else the command's own text.
 */
public class FleetView extends FleetOptions {

    @Mixin
    private JsonOption json;

    /** @return whether {@code --json} was given */
    public final boolean json() {
        return json.enabled();
    }

    /** Prints {@code answer} as the JSON document {@code asJson} makes with {@code --json}, else with {@code asText}. */
    public final <T> void print(T answer, Function<T, JsonElement> asJson, BiConsumer<T, PrintStream> asText) {
        PrintStream out = out();
        if (json.enabled()) {
            JsonOption.print(out, asJson.apply(answer));
        } else {
            asText.accept(answer, out);
        }
    }
}
