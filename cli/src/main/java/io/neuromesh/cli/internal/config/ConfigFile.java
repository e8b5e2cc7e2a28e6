package io.neuromesh.cli.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A config file as written, checked for its form only (which keys exist is {@link OptionCatalog}'s job). The format:
 * {@code # comment} lines, blank lines, {@code key = value} lines whose key is a long option without its dashes, and
 * {@code [command]} headers ({@code [edge]}, {@code [topology apply]}) after which keys apply to that command only.
 * Keys before the first header are global.
 *
 * @param path    the file, as named in messages
 * @param entries  its settings, in file order
 * @param sections the line of each section's first header
 */
public record ConfigFile(Path path, List<Entry> entries, Map<String, Integer> sections) {

    /** The section of the keys before the first header. */
    public static final String GLOBAL = "";
    /** The one key that is never allowed, since the file is no place for a secret. */
    static final String PASSWORD = "password";

    static final Pattern SECTION = Pattern.compile("\\[\\s*([a-z][a-z0-9-]*(?:\\s+[a-z][a-z0-9-]*)*)\\s*]");
    static final Pattern SETTING = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_.-]*)\\s*=(.*)");

    public ConfigFile {
        Objects.requireNonNull(path, "path: must not be null");
        entries = List.copyOf(entries);
        sections = Map.copyOf(sections);
    }

    /**
     * One {@code key = value} line.
     *
     * @param section the command it applies to ({@code edge}, {@code topology apply}), or {@link #GLOBAL}
     * @param line    its line number, from 1
     */
    public record Entry(String section, String key, String value, int line) {
    }

    /** @return {@code path:line}, as messages and {@code config show} name a line */
    public String where(int line) {
        return path + ":" + line;
    }

    /** @return the entry of {@code key} in {@code section}, if the file has one */
    public Optional<Entry> find(String section, String key) {
        return entries.stream().filter(e -> e.section().equals(section) && e.key().equals(key)).findFirst();
    }

    /**
     * @throws ConfigFileException when it cannot be read (a missing file too) or a line is malformed
     */
    public static ConfigFile read(Path path) {
        try {
            return parse(path, Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(path + ": no such config file");
        } catch (IOException e) {
            throw new ConfigFileException(path + ": cannot read the config file (" + e + ")");
        }
    }

    /**
     * @param path  the file the lines are from, for messages
     * @param lines its lines
     * @throws ConfigFileException at the first malformed line, a key set twice in one section, or a password
     */
    public static ConfigFile parse(Path path, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> sections = new HashMap<>();
        String section = GLOBAL;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                section = header.group(1).replaceAll("\\s+", " ");
                sections.putIfAbsent(section, number);
                continue;
            }
            Matcher setting = SETTING.matcher(line);
            if (!setting.matches()) {
                throw new ConfigFileException(path + ":" + number + ": expected 'key = value', '[command]' or"
                        + " '# comment', got '" + line + "'");
            }
            String key = setting.group(1);
            String value = setting.group(2).strip();
            if (key.equals(PASSWORD)) {
                throw new ConfigFileException(path + ":" + number + ": a password is never written in the config"
                        + " file; put it in a file only the service can read (chmod 640) and set password-file ="
                        + " FILE, or pass it in $NEUROMESH_PASSWORD");
            }
            if (value.isEmpty()) {
                throw new ConfigFileException(path + ":" + number + ": " + key + " has no value; comment the line"
                        + " out (# " + key + " = ...) to use the default");
            }
            Integer first = seen.putIfAbsent(section + "\u0000" + key, number);
            if (first != null) {
                throw new ConfigFileException(path + ":" + number + ": " + key + " is set twice"
                        + (section.isEmpty() ? "" : " in [" + section + "]") + " (first on line " + first + ")");
            }
            entries.add(new Entry(section, key, value, number));
        }
        return new ConfigFile(path, entries, sections);
    }
}
