package io.neuromesh.bench.internal.child;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for JVMs started by the bench: the same java and class path as this one. */
public final class ChildJvm {

    /** Flags of this JVM worth passing on: they silence JDK 23+ warnings and keep class data sharing as it is. */
    private static final List<String> INHERITED = List.of("--enable-native-access", "--sun-misc-unsafe-memory-access",
            "-Xshare");

    /**
     * The launchers' compiler and collector for {@code neuromesh edge} ({@code edge_flags} in find-java.sh, which says
     * why): the bench's own edge JVMs compile and collect as a user's nodes do. Their heap stays the bench's, since
     * one of them may host many runtimes.
     */
    public static final List<String> EDGE_DEFAULTS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ChildJvm() {
    }

    /** {@code <java> <inherited flags> <jvmOptions> -cp <this class path> <mainClass> <args>}. */
    public static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (INHERITED.stream().anyMatch(flag::startsWith)) {
                command.add(flag);
            }
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * {@link #EDGE_DEFAULTS}, {@code options}, then the JVM options in {@value EdgeProcesses#EDGE_JAVA_OPTS_ENV}
     * (split at white space; of two settings of one flag the later wins): a JVM that hosts edge runtimes takes them,
     * e.g. a flight recording of the 100k scenario's runtime, or {@code -XX:TieredStopAtLevel=4} to measure with the
     * optimising compiler (a second collector, e.g. {@code -XX:+UseG1GC}, needs {@code -XX:-UseSerialGC} too).
     */
    public static List<String> edgeOptions(List<String> options) {
        List<String> all = new ArrayList<>(EDGE_DEFAULTS);
        all.addAll(options);
        String extra = System.getenv(EdgeProcesses.EDGE_JAVA_OPTS_ENV);
        if (extra != null && !extra.isBlank()) {
            all.addAll(List.of(extra.strip().split("\\s+")));
        }
        return all;
    }

    /** Whether {@code className} can be loaded here, i.e. a child started with {@link #command} can run it. */
    public static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, ChildJvm.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
