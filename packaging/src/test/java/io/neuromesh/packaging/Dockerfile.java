package io.neuromesh.packaging;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Dockerfile the Docker tests check: its stages by name, each with its {@code HEALTHCHECK} command
 * (inherited from the stage it is built {@code FROM}, as Docker does) and the sources of its {@code COPY}
 * instructions that read the build context. Instructions are read as Docker reads them: comments dropped, lines
 * continued by a trailing backslash joined.
 */
record Dockerfile(Map<String, Stage> stages) {

    /** A health check's command: {@code shell} for {@code CMD text} (run by {@code /bin/sh -c}), else exec form. */
    record HealthCheck(List<String> exec, String shell) {
    }

    /** A build stage; {@code healthCheck} is null when none applies. */
    record Stage(String name, String from, HealthCheck healthCheck, List<String> contextCopies) {
    }

    private static final Pattern FROM = Pattern.compile("(?i)FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?");
    private static final Pattern HEALTHCHECK_CMD = Pattern.compile("(?i)HEALTHCHECK\\s+(?:--\\S+\\s+)*CMD\\s+(.*)");

    static Dockerfile read(Path file) throws IOException {
        Map<String, Stage> stages = new LinkedHashMap<>();
        String name = null;
        String from = null;
        HealthCheck healthCheck = null;
        List<String> copies = new ArrayList<>();
        for (String instruction : instructions(Files.readString(file))) {
            String keyword = instruction.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            switch (keyword) {
                case "FROM" -> {
                    if (name != null) {
                        stages.put(name, new Stage(name, from, healthCheck, List.copyOf(copies)));
                    }
                    Matcher m = FROM.matcher(instruction);
                    if (!m.matches() || m.group(2) == null) {
                        throw new IllegalArgumentException(file + ": every stage needs a name (FROM image AS name): "
                                + instruction);
                    }
                    from = m.group(1);
                    name = m.group(2);
                    Stage parent = stages.get(from);
                    healthCheck = parent == null ? null : parent.healthCheck();
                    copies = new ArrayList<>();
                }
                case "HEALTHCHECK" -> healthCheck = healthCheck(file, instruction);
                case "COPY" -> {
                    if (!instruction.contains("--from=")) {
                        String[] words = instruction.split("\\s+");
                        // COPY src... dest: every word but the keyword and the destination is a context path.
                        copies.addAll(List.of(words).subList(1, words.length - 1));
                    }
                }
                default -> {
                }
            }
        }
        if (name != null) {
            stages.put(name, new Stage(name, from, healthCheck, List.copyOf(copies)));
        }
        return new Dockerfile(stages);
    }

    /** @return the stage named {@code name}; fails naming the stages there are */
    Stage stage(String name) {
        Stage stage = stages.get(name);
        if (stage == null) {
            throw new AssertionError("no stage '" + name + "' in the Dockerfile; its stages: " + stages.keySet());
        }
        return stage;
    }

    /** @return the last stage: what {@code docker build} without {@code --target} builds */
    Stage defaultStage() {
        return List.copyOf(stages.values()).getLast();
    }

    private static HealthCheck healthCheck(Path file, String instruction) {
        Matcher m = HEALTHCHECK_CMD.matcher(instruction);
        if (!m.matches()) {
            throw new IllegalArgumentException(file + ": a HEALTHCHECK without CMD: " + instruction);
        }
        String command = m.group(1).trim();
        if (!command.startsWith("[")) {
            return new HealthCheck(null, command);
        }
        JsonArray array = JsonParser.parseString(command).getAsJsonArray();
        List<String> exec = new ArrayList<>();
        array.forEach(element -> exec.add(element.getAsString()));
        return new HealthCheck(exec, null);
    }

    private static List<String> instructions(String text) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return instructions;
    }
}
