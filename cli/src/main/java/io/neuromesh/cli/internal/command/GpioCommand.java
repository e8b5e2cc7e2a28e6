package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.options.FleetOptions;
import io.neuromesh.cli.internal.options.IdConverter;
import io.neuromesh.cli.internal.options.TimeoutOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code neuromesh gpio set --node <id> --pin <n> high|low}: press a simulated button on one node. */
@Command(name = "gpio", mixinStandardHelpOptions = true,
        description = "drive a simulated GPIO input of a node running with --gpio mock (a virtual button)",
        subcommands = GpioCommand.Set.class)
public final class GpioCommand {

    /** The level a pin is set to; typed in lower case ({@code high}, {@code low}). */
    enum Level {
        HIGH, LOW;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code gpio set}. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "set a simulated input pin high or low")
    static final class Set implements Callable<Integer> {

        /** The highest BCM GPIO number of the 40-pin header. */
        static final int MAX_PIN = 27;

        @Mixin
        private FleetOptions fleet;
        @Mixin
        private TimeoutOption timeout;
        @Option(names = "--node", paramLabel = "ID", required = true, converter = IdConverter.class,
                description = "the node whose pin to drive")
        private String node;
        @Option(names = "--pin", paramLabel = "BCM", required = true,
                description = "GPIO number (BCM, 0-" + MAX_PIN + ") of a sensor input on that node")
        private int pin;
        @Parameters(paramLabel = "high|low", description = "high or low")
        private Level level;

        @Override
        public Integer call() {
            if (pin < 0 || pin > MAX_PIN) {
                throw new UsageException("--pin must be between 0 and " + MAX_PIN
                        + ", got " + pin);
            }
            Optional<String> refusal = fleet.ask(client -> client.gpioSet(node, pin, level == Level.HIGH,
                    timeout.get()));
            if (refusal.isPresent()) {
                throw new CommandFailedException(refusal.get());
            }
            fleet.out().println(node + " pin " + pin + " set " + level);
            return 0;
        }
    }
}
