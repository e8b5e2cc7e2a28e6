package io.neuromesh.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Stands in for a command whose jars come with the {@code neuromesh-broker} package when that package is not
 * installed: whatever follows its name, it fails with the package to install.
 */
@Command(description = "not installed: comes with the neuromesh-broker package")
final class MissingBrokerCommand implements Callable<Integer> {

    /** Options and arguments meant for the real command, help included: all answered with the same sentence. */
    @Unmatched
    private List<String> arguments;

    @Override
    public Integer call() {
        // The packages carry the build's version in Debian form: 0.1.0-SNAPSHOT becomes 0.1.0~SNAPSHOT, which sorts
        // before the 0.1.0 release (see packaging/pom.xml).
        String debianVersion = BuildVersion.version().replace('-', '~');
        throw new CommandFailedException("this command comes with the neuromesh-broker package, which is not installed:"
                + " sudo apt install ./neuromesh-broker_" + debianVersion + "_all.deb");
    }
}
