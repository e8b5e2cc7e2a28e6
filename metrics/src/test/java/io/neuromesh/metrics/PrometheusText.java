package io.neuromesh.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, for tests: every line is a {@code # HELP}, a {@code # TYPE} or a
 * sample whose family was typed before it, with well-formed names, labels (quoted, escaped values) and a float value;
 * anything else fails with the line number and the line.
 */
final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final String VALUE = "(?:[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)|NaN|[+-]Inf)";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:" + LABEL + "(?:," + LABEL + ")*,?)?})? ("
            + VALUE + ")(?: -?\\d+)?");
    private static final Set<String> SUFFIXES = Set.of("_bucket", "_count", "_sum", "_created", "_total");

    /** Samples by {@code name{labels}} as written, with their values. */
    static Map<String, Double> parse(String text) {
        Map<String, String> types = new HashMap<>();
        Map<String, Double> samples = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                types.put(type.group(1), type.group(2));
                continue;
            }
            if (HELP.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("line " + (i + 1) + " is not Prometheus text: " + line);
            }
            String name = sample.group(1);
            if (!types.containsKey(name) && !types.containsKey(family(name))) {
                throw new AssertionError("line " + (i + 1) + ": sample of " + name + " without a # TYPE before it");
            }
            String key = name + (sample.group(2) == null ? "" : sample.group(2));
            if (samples.put(key, value(sample.group(3))) != null) {
                throw new AssertionError("line " + (i + 1) + ": duplicate sample " + key);
            }
        }
        if (!text.endsWith("\n")) {
            throw new AssertionError("the exposition must end with a line feed");
        }
        return samples;
    }

    /** The value of the one sample of {@code name} whose labels contain {@code label}, or fails. */
    static double value(Map<String, Double> samples, String name, String label) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{") && e.getKey().contains(label))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + " with " + label + " in " + samples.keySet()));
    }

    /** Metric names of the samples (labels dropped). */
    static Set<String> names(Map<String, Double> samples) {
        Set<String> names = new java.util.TreeSet<>();
        samples.keySet().forEach(k -> names.add(k.contains("{") ? k.substring(0, k.indexOf('{')) : k));
        return names;
    }

    private static String family(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private PrometheusText() {
    }
}
