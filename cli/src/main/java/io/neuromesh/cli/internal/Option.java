package io.neuromesh.cli.internal;

/**
 * One {@code --name [value]} option of a command, for parsing and for {@code --help}.
 *
 * @param name        without the leading dashes
 * @param valueName   the placeholder shown in help ({@code N}, {@code URL}), or null for a flag
 * @param description one line
 */
public record Option(String name, String valueName, String description) {

    /** A flag without a value. */
    public static Option flag(String name, String description) {
        return new Option(name, null, description);
    }

    /** An option with a value. */
    public static Option value(String name, String valueName, String description) {
        return new Option(name, valueName, description);
    }

    boolean takesValue() {
        return valueName != null;
    }
}
