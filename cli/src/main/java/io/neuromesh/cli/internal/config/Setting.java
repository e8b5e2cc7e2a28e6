package io.neuromesh.cli.internal.config;

import java.util.Objects;

/**
 * One option's value as a layer gives it.
 *
 * @param value  the value as text, as it would be typed after the option
 * @param source which layer gave it
 * @param where  the variable ({@code NEUROMESH_BROKER}) or the file and line ({@code /etc/neuromesh/neuromesh.conf:3})
 *               it came from; empty for a flag or a default
 */
public record Setting(String value, Source source, String where) {

    public Setting {
        Objects.requireNonNull(value, "value: must not be null");
        Objects.requireNonNull(source, "source: must not be null");
        Objects.requireNonNull(where, "where: must not be null; use \"\"");
    }

    /** @return where it came from as {@code config show} prints it: {@code env NEUROMESH_BROKER}, {@code file:3} */
    public String origin() {
        return switch (source) {
            case FLAG -> "flag";
            case ENV -> "env " + where;
            case FILE -> where;
            case DEFAULT -> "default";
        };
    }
}
