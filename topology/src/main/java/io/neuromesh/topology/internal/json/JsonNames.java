package io.neuromesh.topology.internal.json;

import java.util.Locale;

/** Enum constants as they are written in JSON: the lowercase name, e.g. {@code "spike"}. */
public final class JsonNames {

    private JsonNames() {
    }

    /** @return the JSON name of {@code constant} */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
