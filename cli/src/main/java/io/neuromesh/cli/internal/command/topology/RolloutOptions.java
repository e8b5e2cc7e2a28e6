package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.options.TimeoutOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The options of publishing a topology ({@code apply}, {@code rollback}): how long to wait, or not at all. */
final class RolloutOptions {

    /** How long apply and rollback wait for every online node's result. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Mixin
    private TimeoutOption timeout = new TimeoutOption(DEFAULT_TIMEOUT);
    @Option(names = "--no-wait",
            description = "publish and exit without waiting for the nodes' results")
    private boolean noWait;

    /** @return how long to wait for every online node */
    Duration timeout() {
        return timeout.get();
    }

    /** @return whether to exit right after publishing */
    boolean noWait() {
        return noWait;
    }
}
