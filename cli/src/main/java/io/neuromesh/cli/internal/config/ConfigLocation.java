package io.neuromesh.cli.internal.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which config file a command uses: {@code --config FILE} ({@link Source#FLAG}), else {@code $NEUROMESH_CONFIG}
 * ({@link Source#ENV}), else the default path ({@link Source#DEFAULT}), which is used only when it exists.
 *
 * @param path   the file
 * @param source how it was chosen
 */
public record ConfigLocation(Path path, Source source) {

    public ConfigLocation {
        Objects.requireNonNull(path, "path: must not be null");
        Objects.requireNonNull(source, "source: must not be null");
    }

    /**
     * @param flag        the value of {@code --config}, or null
     * @param environment the variables and the default path
     */
    public static ConfigLocation of(Path flag, Environment environment) {
        if (flag != null) {
            return new ConfigLocation(flag, Source.FLAG);
        }
        String named = environment.get(Environment.CONFIG_ENV);
        return named != null ? new ConfigLocation(Path.of(named), Source.ENV)
                : new ConfigLocation(environment.defaultConfig(), Source.DEFAULT);
    }

    /** @return whether the file is there to be read */
    public boolean exists() {
        return Files.exists(path);
    }

    /** @return how {@code config show} names the choice: {@code flag --config}, {@code env NEUROMESH_CONFIG} */
    public String origin() {
        return switch (source) {
            case FLAG -> "flag --config";
            case ENV -> "env " + Environment.CONFIG_ENV;
            default -> exists() ? "default path" : "default path, absent";
        };
    }
}
