package io.neuromesh.cli.internal.config;

import io.neuromesh.cli.internal.options.ConfigOption;
import io.neuromesh.cli.internal.options.InitialValueDefaults;
import io.neuromesh.cli.internal.options.UserOptions;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one precedence rule of every option: a flag (picocli sets it and never asks here) beats the environment
 * ({@code NEUROMESH_<KEY>}), which beats the config file (the command's {@code [section]}, then its global keys), which
 * beats the code's default ({@link InitialValueDefaults}). Picocli asks for an option's value only when the command
 * line lacks it, and help asks for the default it shows, so help shows the defaults in effect.
 *
 * <p>The config file is read and checked whole when a value is first asked for (again when a later {@code --config}
 * names another): an error anywhere in it fails the command before anything runs, so nothing of a bad file is ever applied.
 * Not thread-safe: picocli parses on one thread.
 */
public final class LayeredDefaults implements IDefaultValueProvider {

    private static final String PASSWORD_FILE = "password-file";

    private final Environment environment;
    private final InitialValueDefaults initial = new InitialValueDefaults();
    private Loaded loaded;

    /** What was read: the location chosen, and the file when there is one. */
    private record Loaded(ConfigLocation location, Optional<ConfigFile> file, ConfigFileException failure) {
    }

    public LayeredDefaults(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option && OptionCatalog.configurable(option)) {
            try {
                Optional<Setting> setting = resolve(option, option.command());
                if (setting.isPresent()) {
                    return setting.get().value();
                }
            } catch (ConfigFileException e) {
                throw new ParameterException(option.command().commandLine(), e.getMessage(), e, option, null);
            }
        }
        return initial.defaultValue(arg);
    }

    /**
     * The value {@code option} gets when the command line lacks it, and where that comes from.
     *
     * @param running the command being run, whose {@code --config} (or its parents') names the config file
     * @return empty when neither the environment nor the config file sets it (the code's default applies)
     * @throws ConfigFileException when the config file is not usable, or the variable's value is not one the option
     *                             accepts
     */
    public Optional<Setting> resolve(OptionSpec option, CommandSpec running) {
        String key = OptionCatalog.key(option);
        String variable = OptionCatalog.env(key);
        String fromEnv = environment.get(variable);
        if (fromEnv != null) {
            ValueCheck.problem(option, fromEnv).ifPresent(problem -> {
                throw new ConfigFileException(variable + ": " + problem);
            });
            return Optional.of(new Setting(fromEnv, Source.ENV, variable));
        }
        if (key.equals(PASSWORD_FILE) && environment.get(UserOptions.PASSWORD_ENV) != null) {
            // The password in the environment outranks a password file the config file names.
            return Optional.empty();
        }
        Optional<ConfigFile> file = load(running).file();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        ConfigFile config = file.get();
        return config.find(OptionCatalog.path(option.command()), key)
                .or(() -> config.find(ConfigFile.GLOBAL, key))
                .map(entry -> new Setting(entry.value(), Source.FILE, config.where(entry.line())));
    }

    /**
     * @param command the command being run
     * @return the config file it uses (existing or not)
     * @throws ConfigFileException when that file is not usable
     */
    public ConfigLocation location(CommandSpec command) {
        return load(command).location();
    }

    /** @return whether a password is in {@code $NEUROMESH_PASSWORD} */
    public boolean passwordInEnvironment() {
        return environment.get(UserOptions.PASSWORD_ENV) != null;
    }

    private Loaded load(CommandSpec command) {
        ConfigLocation location = ConfigLocation.of(flag(command), environment);
        // Picocli may ask for a flag's default while it parses, before a later --config: then the file is read again.
        if (loaded == null || !loaded.location().equals(location)) {
            try {
                loaded = new Loaded(location, read(location, command), null);
            } catch (ConfigFileException e) {
                loaded = new Loaded(location, Optional.empty(), e);
            }
        }
        if (loaded.failure() != null) {
            throw loaded.failure();
        }
        return loaded;
    }

    private static Optional<ConfigFile> read(ConfigLocation location, CommandSpec command) {
        if (!location.exists()) {
            boolean creates = topLevel(command).userObject() instanceof CreatesConfig;
            if (location.source() == Source.DEFAULT || creates) {
                return Optional.empty();
            }
            throw new ConfigFileException(location.path() + ": no such config file (named by "
                    + location.origin() + ")");
        }
        ConfigFile file = ConfigFile.read(location.path());
        new OptionCatalog(command.root()).check(file);
        return Optional.of(file);
    }

    /** @return the value of {@code --config} on {@code command} or the nearest parent where it was given */
    private static Path flag(CommandSpec command) {
        for (CommandSpec level = command; level != null; level = level.parent()) {
            OptionSpec option = level.findOption(ConfigOption.NAME);
            if (option != null && option.getValue() != null) {
                return option.getValue();
            }
        }
        return null;
    }

    private static CommandSpec topLevel(CommandSpec command) {
        CommandSpec current = command;
        while (current.parent() != null && current.parent().parent() != null) {
            current = current.parent();
        }
        return current;
    }
}
