package io.neuromesh.cli.internal.config;

import io.neuromesh.cli.internal.options.ConfigOption;
import io.neuromesh.topology.Ids;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which settings the command tree has: every long option of every command, except help, version and
 * {@code --config} itself. A setting's key is its long name without the dashes ({@code password-file}); its variable
 * is {@code NEUROMESH_} and the key in capitals with underscores ({@code NEUROMESH_PASSWORD_FILE}).
 */
public final class OptionCatalog {

    /** The prefix of every setting's environment variable. */
    public static final String ENV_PREFIX = "NEUROMESH_";

    /** Each command by its path under the root ({@code edge}, {@code topology apply}), in tree order. */
    private final Map<String, CommandSpec> commands = new LinkedHashMap<>();

    /** @param root the root of the command tree */
    public OptionCatalog(CommandSpec root) {
        add(root);
    }

    private void add(CommandSpec command) {
        if (command.parent() != null) {
            commands.put(path(command), command);
        }
        command.subcommands().values().stream().map(sub -> sub.getCommandSpec())
                // The help command is listed once more under each of its aliases' parents; skip it and repeats.
                .filter(sub -> sub.parent() == command && !sub.name().equals("help"))
                .forEach(this::add);
    }

    /** @return the command's path under the root: {@code edge}, {@code topology apply}; empty for the root */
    public static String path(CommandSpec command) {
        String qualified = command.qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? "" : qualified.substring(space + 1);
    }

    /** @return whether {@code option} can be set in the environment and the config file */
    public static boolean configurable(OptionSpec option) {
        return !option.usageHelp() && !option.versionHelp() && option.longestName().startsWith("--")
                && !option.longestName().equals(ConfigOption.NAME);
    }

    /** @return the option's key in the config file, e.g. {@code password-file} */
    public static String key(OptionSpec option) {
        return option.longestName().substring(2);
    }

    /** @return the option's environment variable, e.g. {@code NEUROMESH_PASSWORD_FILE} */
    public static String env(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** @return the command of {@code path} ({@code topology apply}), if there is one */
    public Optional<CommandSpec> command(String path) {
        return Optional.ofNullable(commands.get(path));
    }

    /** @return the paths of every command, in tree order */
    public List<String> commandPaths() {
        return List.copyOf(commands.keySet());
    }

    /** @return the settings of {@code command}, in its help's order */
    public static List<OptionSpec> settings(CommandSpec command) {
        return command.options().stream().filter(OptionCatalog::configurable).toList();
    }

    /** @return every command's option of key {@code key} */
    private List<OptionSpec> optionsOf(String key) {
        List<OptionSpec> options = new ArrayList<>();
        for (CommandSpec command : commands.values()) {
            settings(command).stream().filter(o -> key(o).equals(key)).forEach(options::add);
        }
        return options;
    }

    /**
     * Checks every entry of {@code file}: its section is a command, its key an option there (or, for a global key,
     * of some command), and its value one that option accepts.
     *
     * @throws ConfigFileException at the first entry that is not, saying what and where, with a suggestion when a
     *                             name looks mistyped
     */
    public void check(ConfigFile file) {
        file.sections().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .filter(section -> !commands.containsKey(section.getKey())).findFirst().ifPresent(section -> {
                    throw new ConfigFileException(file.where(section.getValue()) + ": [" + section.getKey()
                            + "] is not a command" + suggestion(section.getKey(), commands.keySet()));
                });
        for (ConfigFile.Entry entry : file.entries()) {
            String where = file.where(entry.line()) + ": ";
            List<OptionSpec> options;
            if (entry.section().equals(ConfigFile.GLOBAL)) {
                options = optionsOf(entry.key());
                if (options.isEmpty()) {
                    throw new ConfigFileException(where + "unknown key '" + entry.key() + "'; no command has --"
                            + entry.key() + suggestion(entry.key(), allKeys()));
                }
            } else {
                CommandSpec command = commands.get(entry.section());
                options = settings(command).stream().filter(o -> key(o).equals(entry.key())).toList();
                if (options.isEmpty()) {
                    throw new ConfigFileException(where + "unknown key '" + entry.key() + "' in [" + entry.section()
                            + "]: " + entry.section() + " has no --" + entry.key()
                            + suggestion(entry.key(), settings(command).stream().map(OptionCatalog::key).toList()));
                }
            }
            for (OptionSpec option : options) {
                ValueCheck.problem(option, entry.value()).ifPresent(problem -> {
                    throw new ConfigFileException(where + problem);
                });
            }
        }
    }

    private TreeSet<String> allKeys() {
        TreeSet<String> keys = new TreeSet<>();
        commands.values().forEach(c -> settings(c).forEach(o -> keys.add(key(o))));
        return keys;
    }

    private static String suggestion(String typed, java.util.Collection<String> known) {
        return Ids.closest(typed, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }
}
