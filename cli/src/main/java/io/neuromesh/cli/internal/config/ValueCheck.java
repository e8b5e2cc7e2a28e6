package io.neuromesh.cli.internal.config;

import io.neuromesh.cli.internal.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.util.Optional;

/**
 * Whether an option accepts a value from the environment or the config file, asked the option itself: the value is
 * parsed by a copy of the option (same type, converters and split) on a command of its own, so the answer, and the
 * message when it is no, are the ones the command line gives. The copy keeps the value to itself; the command's own
 * option is untouched.
 */
final class ValueCheck {

    private ValueCheck() {
    }

    /** @return why {@code option} refuses {@code value} (the converter's message), or empty when it accepts it */
    static Optional<String> problem(OptionSpec option, String value) {
        OptionSpec copy = OptionSpec.builder(option.names())
                .type(option.type())
                .auxiliaryTypes(option.auxiliaryTypes())
                .converters(option.converters())
                .splitRegex(option.splitRegex())
                // A flag's value is written out (json = true), so every copy takes exactly one parameter.
                .arity("1")
                .build();
        CommandLine single = Cli.withConversions(new CommandLine(CommandSpec.create().addOption(copy)));
        try {
            single.parseArgs(option.longestName(), value);
            return Optional.empty();
        } catch (ParameterException e) {
            return Optional.of(e.getMessage());
        }
    }
}
