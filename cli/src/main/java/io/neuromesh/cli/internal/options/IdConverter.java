package io.neuromesh.cli.internal.options;

import io.neuromesh.topology.Ids;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks neuron, node and source ids on the command line with the project's one id rule, {@link Ids}, before anything
 * is sent: an id that is not a topic level would otherwise be published to the wrong topic.
 */
public final class IdConverter implements ITypeConverter<String> {

    @Override
    public String convert(String id) {
        Ids.problem(id).ifPresent(problem -> {
            throw new TypeConversionException(problem.startsWith("'") ? problem : "'" + id + "' " + problem);
        });
        return id;
    }
}
