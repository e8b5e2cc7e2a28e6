package io.neuromesh.cli.internal.command.config;

import com.google.gson.JsonObject;
import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.config.ConfigLocation;
import io.neuromesh.cli.internal.config.LayeredDefaults;
import io.neuromesh.cli.internal.config.OptionCatalog;
import io.neuromesh.cli.internal.config.Setting;
import io.neuromesh.cli.internal.config.Source;
import io.neuromesh.cli.internal.options.DurationConverter;
import io.neuromesh.cli.internal.options.JsonOption;
import io.neuromesh.cli.internal.options.UserOptions;
import io.neuromesh.cli.internal.view.Table;
import io.neuromesh.topology.Ids;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code neuromesh config show [--for COMMAND] [--json]}: every setting of a command with the value it would run with
 * and where that comes from: the environment ({@code env NEUROMESH_BROKER}), the config file ({@code file:line}) or the
 * code's default. Passwords are never printed: a password in {@code $NEUROMESH_PASSWORD} shows as hidden.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"print each setting's effective value and where it comes from: env NEUROMESH_<KEY>,"
                + " file:line or default (a flag on the command line beats them all)",
                "Shows edge, broker and worker unless --for names one command."})
public final class ConfigShowCommand implements Runnable {

    /** The commands shown without --for: the services a machine runs. */
    static final List<String> SERVICES = List.of("edge", "broker", "worker");
    private static final String HIDDEN = "(hidden)";
    private static final String UNSET = "(unset)";

    @Spec
    private CommandSpec spec;
    @Option(names = "--for", paramLabel = "COMMAND", description = "the command whose settings to show, e.g. edge,"
            + " broker, worker, nodes or 'topology apply' (default: edge, broker and worker)")
    private String command;
    @Mixin
    private JsonOption json;

    /** One line of the table: a setting, its value, where it comes from. */
    record Row(String key, String value, Source source, String origin, String env) {
    }

    @Override
    public void run() {
        LayeredDefaults layers = (LayeredDefaults) spec.defaultValueProvider();
        OptionCatalog catalog = new OptionCatalog(spec.root());
        List<String> targets = command == null ? SERVICES : List.of(command.strip().replaceAll("\\s+", " "));
        ConfigLocation location = layers.location(spec);
        PrintStream out = NeuromeshCommand.out(spec);
        JsonObject commands = new JsonObject();
        if (!json.enabled()) {
            out.println("config file: " + location.path() + " (" + location.origin() + ")");
        }
        for (String target : targets) {
            CommandSpec shown = catalog.command(target).orElseThrow(() -> new UsageException("--for: no command '"
                    + target + "'" + Ids.closest(target, catalog.commandPaths()).map(c -> "; did you mean '" + c
                    + "'?").orElse("")));
            List<Row> rows = rows(layers, shown, spec);
            if (json.enabled()) {
                commands.add(target, json(rows));
            } else {
                out.println();
                out.println(target + ":");
                Table table = new Table("KEY", "VALUE", "SOURCE");
                rows.forEach(row -> table.row(row.key(), row.value() == null ? UNSET : row.value(), row.origin()));
                table.lines().forEach(line -> out.println("  " + line));
            }
        }
        if (json.enabled()) {
            JsonObject config = new JsonObject();
            config.addProperty("file", location.path().toString());
            config.addProperty("source", location.source().wireName());
            config.addProperty("exists", location.exists());
            JsonObject document = new JsonObject();
            document.add("config", config);
            document.add("commands", commands);
            JsonOption.print(out, document);
        }
    }

    private static List<Row> rows(LayeredDefaults layers, CommandSpec command, CommandSpec running) {
        List<Row> rows = new ArrayList<>();
        for (OptionSpec option : OptionCatalog.settings(command)) {
            String key = OptionCatalog.key(option);
            Setting setting = layers.resolve(option, running).orElseGet(() -> new Setting(codeDefault(option), Source.DEFAULT,
                    ""));
            rows.add(new Row(key, setting.value().isEmpty() ? null : setting.value(), setting.source(),
                    setting.origin(), OptionCatalog.env(key)));
            if (key.equals("password-file") && layers.passwordInEnvironment()) {
                rows.add(new Row("password", HIDDEN, Source.ENV, "env " + UserOptions.PASSWORD_ENV,
                        UserOptions.PASSWORD_ENV));
            }
        }
        return rows;
    }

    /** @return the value the code gives the option, as text; empty when it has none (the command decides then) */
    private static String codeDefault(OptionSpec option) {
        if (option.defaultValue() != null) {
            return option.defaultValue();
        }
        Object initial = option.initialValue();
        if (initial instanceof Duration duration) {
            return DurationConverter.format(duration);
        }
        return initial == null ? "" : initial.toString();
    }

    private static JsonObject json(List<Row> rows) {
        JsonObject settings = new JsonObject();
        for (Row row : rows) {
            JsonObject setting = new JsonObject();
            setting.addProperty("value", row.value());
            setting.addProperty("source", row.source().wireName());
            if (row.source() == Source.FILE) {
                setting.addProperty("at", row.origin());
            }
            setting.addProperty("env", row.env());
            settings.add(row.key(), setting);
        }
        return settings;
    }
}
