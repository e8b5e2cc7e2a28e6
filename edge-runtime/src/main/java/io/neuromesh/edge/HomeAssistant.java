package io.neuromesh.edge;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Home Assistant MQTT discovery settings of an edge runtime ({@code neuromesh edge --ha-discovery [PREFIX]}).
 *
 * @param prefix          Home Assistant's discovery prefix (its default: {@value #DEFAULT_PREFIX}); configs go to
 *                        {@code <prefix>/<component>/neuromesh/<object>/config} and its birth message is read on
 *                        {@code <prefix>/status}
 * @param softwareVersion the version shown as the device's {@code sw_version}
 * @since 0.1
 */
public record HomeAssistant(String prefix, String softwareVersion) {

    /** Home Assistant's default discovery prefix. */
    public static final String DEFAULT_PREFIX = "homeassistant";
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    public HomeAssistant {
        Objects.requireNonNull(prefix, "prefix: must not be null");
        Objects.requireNonNull(softwareVersion, "softwareVersion: must not be null");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("--ha-discovery: the prefix must be topic levels of A-Z a-z 0-9 _ - separated by /"
                    + " (no wildcards, no leading or trailing /), got \"" + prefix + "\"");
        }
    }
}
