package io.neuromesh.cli.internal.options;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;

import java.time.Duration;

/**
 * Turns the initial value of an option field, which is the code's own constant ({@code Duration heartbeat =
 * EdgeConfig.DEFAULT_HEARTBEAT}), into the default help shows: {@code 1s} rather than {@code PT1S}. A default is
 * thereby written once, in the code that uses it, never again as prose.
 */
public final class InitialValueDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argSpec) {
        Object initial = argSpec.initialValue();
        return initial instanceof Duration duration ? DurationConverter.format(duration) : null;
    }
}
