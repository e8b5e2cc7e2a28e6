package io.neuromesh.cli.internal.config;

/** Where an option's effective value came from, in the order they win: a flag beats the environment, and so on. */
public enum Source {
    /** Given on the command line. */
    FLAG,
    /** A {@code NEUROMESH_*} environment variable. */
    ENV,
    /** A line of the config file. */
    FILE,
    /** The code's own default. */
    DEFAULT;

    /** @return the name {@code config show --json} uses, e.g. {@code env} */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
