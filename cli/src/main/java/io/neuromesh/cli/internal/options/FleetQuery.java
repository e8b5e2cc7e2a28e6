package io.neuromesh.cli.internal.options;

import com.google.gson.JsonElement;
import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the commands that ask the fleet and wait for its answers share: {@code --broker}, {@code --json} and
 * {@code --timeout}, and {@link #show} that opens the fleet client, asks, and prints the answer as JSON or text.
 */
public final class FleetQuery extends FleetView {

    @Mixin
    private TimeoutOption timeout;

    /** With the fleet client's default timeout (picocli creates it this way). */
    public FleetQuery() {
        this(FleetClient.DEFAULT_TIMEOUT);
    }

    /** @param defaultTimeout the command's own default for {@code --timeout} */
    public FleetQuery(Duration defaultTimeout) {
        this.timeout = new TimeoutOption(defaultTimeout);
    }

    /** @return how long to wait for answers */
    public Duration timeout() {
        return timeout.get();
    }

    /**
     * Asks the fleet, waiting up to {@code --timeout}, and prints the answer: {@code asJson}'s document with
     * {@code --json}, else {@code asText}. The client is closed before anything is printed.
     */
    public <T> void show(BiFunction<FleetClient, Duration, T> question, Function<T, JsonElement> asJson,
                         BiConsumer<T, PrintStream> asText) {
        print(ask(fleet -> question.apply(fleet, timeout())), asJson, asText);
    }
}
