package io.neuromesh.topology.internal.json;

import java.util.Locale;

/** Enum constants as they are written in JSON: the lowercase name, e.g. {@code "spike"}. */
public final class JsonNames {

    /** Per enum type, the names by ordinal: made once (the canonical form names a mode per neuron). */
    private static final ClassValue<String[]> NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            }
            return names;
        }
    };

    private JsonNames() {
    }

    /** @return the JSON name of {@code constant} */
    public static String of(Enum<?> constant) {
        return NAMES.get(constant.getDeclaringClass())[constant.ordinal()];
    }
}
