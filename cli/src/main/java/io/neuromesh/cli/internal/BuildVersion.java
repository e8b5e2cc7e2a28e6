package io.neuromesh.cli.internal;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code --version}: the version Maven wrote into {@code neuromesh-version.properties} when it built the jar. */
public final class BuildVersion implements IVersionProvider {

    static final String RESOURCE = "/neuromesh-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"neuromesh " + version(), "Java ${java.version} (${java.vendor} ${java.vm.name})"};
    }

    /** @return the project version, e.g. {@code 0.1.0-SNAPSHOT} */
    public static String version() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; rebuild with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
