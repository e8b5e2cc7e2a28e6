package io.neuromesh.cli.internal.options;

import io.neuromesh.edge.FleetClient;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code --timeout}: how long a command waits for the fleet's answers. Its default is {@link FleetClient#DEFAULT_TIMEOUT}
 * unless the command builds the mixin with its own ({@code @Mixin TimeoutOption timeout = new
 * TimeoutOption(Rollout.DEFAULT_TIMEOUT)}); help shows whichever applies.
 */
public final class TimeoutOption {

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "how long to wait for answers, e.g. 500ms, 5s, 2m (default: ${DEFAULT-VALUE})")
    private Duration timeout;

    /** The fleet client's default. */
    public TimeoutOption() {
        this(FleetClient.DEFAULT_TIMEOUT);
    }

    /** @param defaultTimeout the command's own default */
    public TimeoutOption(Duration defaultTimeout) {
        this.timeout = defaultTimeout;
    }

    /** @return the timeout given, or the default */
    public Duration get() {
        return timeout;
    }
}
