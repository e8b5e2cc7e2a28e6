package io.neuromesh.cli.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Changes settings in a config file's text and keeps everything else as written: comments, blank lines, other keys,
 * their order. A key already set in its section gets the new value on its line; else a commented-out line of that
 * key in the section ({@code # broker = tcp://127.0.0.1:1883}, as the sample file has) becomes the setting; else the
 * setting is added at the end of the section, which is created at the end of the file if missing.
 */
public final class ConfigEditor {

    private final List<String> lines;

    /** @param lines the file's lines (none for a new file) */
    public ConfigEditor(List<String> lines) {
        this.lines = new ArrayList<>(lines);
    }

    /** @return the lines as edited */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Sets {@code key = value} in {@code section} ({@link ConfigFile#GLOBAL} for the keys before the first header).
     *
     * @return this editor
     */
    public ConfigEditor set(String section, String key, String value) {
        String setting = key + " = " + value;
        int[] range = range(section);
        if (range == null) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("[" + section + "]");
            lines.add(setting);
            return this;
        }
        int commented = -1;
        int lastContent = range[0] - 1;
        for (int i = range[0]; i < range[1]; i++) {
            String line = lines.get(i).strip();
            if (isKey(line, key)) {
                lines.set(i, setting);
                return this;
            }
            if (commented < 0 && line.startsWith("#") && isKey(line.substring(1).strip(), key)) {
                commented = i;
            }
            if (!line.isEmpty()) {
                lastContent = i;
            }
        }
        if (commented >= 0) {
            lines.set(commented, setting);
        } else {
            lines.add(lastContent + 1, setting);
        }
        return this;
    }

    private static boolean isKey(String line, String key) {
        Matcher setting = ConfigFile.SETTING.matcher(line);
        return setting.matches() && setting.group(1).equals(key);
    }

    /** @return the lines of {@code section} as [first, end), after its header; null when the file has no such section */
    private int[] range(String section) {
        int start = section.equals(ConfigFile.GLOBAL) ? 0 : -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher header = ConfigFile.SECTION.matcher(lines.get(i).strip());
            if (header.matches()) {
                if (start >= 0) {
                    return new int[] {start, i};
                }
                if (header.group(1).replaceAll("\\s+", " ").equals(section)) {
                    start = i + 1;
                }
            }
        }
        return start >= 0 ? new int[] {start, lines.size()} : null;
    }
}
