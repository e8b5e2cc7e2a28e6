package io.neuromesh.cli.internal.command.user;

import io.neuromesh.broker.Role;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --role operator|node|viewer}, with the roles named when it is none of them. */
public final class RoleConverter implements ITypeConverter<Role> {

    @Override
    public Role convert(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("must be one of " + Role.names() + ", got '" + text + "'");
        }
    }
}
