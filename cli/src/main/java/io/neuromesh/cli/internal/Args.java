package io.neuromesh.cli.internal;

import io.neuromesh.mqtt.LinkConfig;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsed arguments of one command: positionals and the command's declared options, nothing else. */
public final class Args {

    /** Default broker: {@code $NEUROMESH_BROKER}, else the local default port. */
    public static final String DEFAULT_BROKER = "tcp://127.0.0.1:1883";
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    private final String command;
    private final List<String> positional;
    private final Map<String, String> values;

    private Args(String command, List<String> positional, Map<String, String> values) {
        this.command = command;
        this.positional = positional;
        this.values = values;
    }

    /** Parses {@code argv} against {@code options}; unknown options and missing values are usage errors. */
    public static Args parse(String command, List<String> argv, List<Option> options) {
        Map<String, Option> known = new HashMap<>();
        options.forEach(o -> known.put(o.name(), o));
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Option option = known.get(name);
            if (option == null) {
                throw new UsageException("unknown option --" + name + " for '" + command + "'");
            }
            if (!option.takesValue()) {
                values.put(name, "true");
            } else if (inline != null) {
                values.put(name, inline);
            } else if (i + 1 < argv.size()) {
                values.put(name, argv.get(++i));
            } else {
                throw new UsageException("--" + name + " needs a value (" + option.valueName() + ")");
            }
        }
        return new Args(command, List.copyOf(positional), values);
    }

    /** The positional arguments. */
    public List<String> positional() {
        return positional;
    }

    /** The positional argument at {@code index}, or a usage error naming it. */
    public String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new UsageException("missing " + what);
        }
        return positional.get(index);
    }

    /** Fails unless there are at most {@code max} positional arguments. */
    public void maxPositional(int max) {
        if (positional.size() > max) {
            throw new UsageException("unexpected argument '" + positional.get(max) + "'");
        }
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A required option value. */
    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException("missing --" + name);
        }
        return value;
    }

    public int intValue(String name, int fallback, int min, int max) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + text + "'");
        }
    }

    public double doubleValue(String name) {
        String text = required(name);
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a finite number, got '" + text + "'");
        }
    }

    /** A duration such as {@code 500ms}, {@code 5s}, {@code 2m}; a bare number means seconds. */
    public Duration duration(String name, Duration fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new UsageException("--" + name + " must be a duration like 500ms, 5s or 2m, got '" + text + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "s" -> amount * 1000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return Duration.ofMillis((long) millis);
    }

    /** The {@code --broker} option, else {@code $NEUROMESH_BROKER}, else {@link #DEFAULT_BROKER}. */
    public URI broker() {
        String env = System.getenv("NEUROMESH_BROKER");
        String text = value("broker", env == null || env.isBlank() ? DEFAULT_BROKER : env);
        URI uri = LinkConfig.brokerUri(text);
        if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("--broker must look like tcp://host:port, got '" + text + "'");
        }
        return uri;
    }
}
