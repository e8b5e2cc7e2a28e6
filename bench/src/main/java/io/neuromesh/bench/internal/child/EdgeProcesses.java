package io.neuromesh.bench.internal.child;

import io.neuromesh.bench.internal.fleet.OnlineWatch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * {@code neuromesh edge} runtimes as separate OS processes, started the way a user starts them: through the launcher
 * that runs the bench ({@code ./neuromesh} or {@code /usr/bin/neuromesh}, which export their own path as
 * {@value #LAUNCHER_ENV}), so each gets the launcher's JVM defaults. Without a launcher (the bench run from a test)
 * a child JVM with this class path runs the main class instead. Each has a private {@code NEUROMESH_HOME}; the
 * environment's broker and credentials are not passed on. {@value #EDGE_JAVA_OPTS_ENV}, when set, becomes the
 * edges' {@code NEUROMESH_JAVA_OPTS} (e.g. a flight recording per edge); the bench's own is not passed on.
 */
public final class EdgeProcesses implements AutoCloseable {

    /** Set by the launchers to their own path. */
    public static final String LAUNCHER_ENV = "NEUROMESH_LAUNCHER";
    /** JVM options for the edge processes only. */
    public static final String EDGE_JAVA_OPTS_ENV = "NEUROMESH_BENCH_EDGE_JAVA_OPTS";
    private static final Duration ONLINE = Duration.ofSeconds(60);
    private static final List<String> UNSET = List.of("NEUROMESH_BROKER", "NEUROMESH_USER", "NEUROMESH_PASSWORD",
            "NEUROMESH_CONFIG", "NEUROMESH_JAVA_OPTS");

    private final Map<String, ChildProcess> nodes = new LinkedHashMap<>();
    private final Path home;

    private EdgeProcesses(Path home) {
        this.home = home;
    }

    /**
     * Starts one edge process per node, with {@code args} after {@code edge --node <id> --broker <broker>}, and
     * returns when all are online (or throws, having stopped those it started).
     */
    public static EdgeProcesses start(URI broker, List<String> nodes, List<String> args, String mainClass)
            throws IOException, InterruptedException, TimeoutException {
        EdgeProcesses edges = new EdgeProcesses(Files.createTempDirectory("neuromesh-bench-edges"));
        try (OnlineWatch watch = new OnlineWatch(broker)) {
            for (String node : nodes) {
                List<String> edgeArgs = new ArrayList<>(List.of("edge", "--node", node, "--broker", broker.toString()));
                edgeArgs.addAll(args);
                edges.nodes.put(node, ChildProcess.start(command(mainClass, edgeArgs), edges.env(node), UNSET));
            }
            for (Map.Entry<String, ChildProcess> node : edges.nodes.entrySet()) {
                watch.await(node.getKey(), node.getValue(), ONLINE);
            }
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            edges.close();
            throw e;
        }
        return edges;
    }

    /** How the edges are started, for the report: the launcher's path, or the main class. */
    public static String how(String mainClass) {
        String launcher = System.getenv(LAUNCHER_ENV);
        return launcher != null ? launcher + " edge" : "java -cp <class path> " + mainClass + " edge";
    }

    private static List<String> command(String mainClass, List<String> args) {
        String launcher = System.getenv(LAUNCHER_ENV);
        if (launcher == null) {
            return ChildJvm.command(List.of(), mainClass, args);
        }
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(args);
        return command;
    }

    private Map<String, String> env(String node) {
        Map<String, String> env = new LinkedHashMap<>();
        // The launcher must not rebuild: the bench runs from the jar it would build.
        env.put("NEUROMESH_NO_BUILD", "1");
        env.put("NEUROMESH_HOME", home.resolve(node).toString());
        String opts = System.getenv(EDGE_JAVA_OPTS_ENV);
        if (opts != null) {
            env.put("NEUROMESH_JAVA_OPTS", opts);
        }
        return env;
    }

    /** The process id of each node, in start order. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        nodes.forEach((node, child) -> pids.put(node, child.pid()));
        return pids;
    }

    /** Stops every edge (SIGTERM, then SIGKILL after a grace period) and deletes their homes. */
    @Override
    public void close() {
        nodes.values().parallelStream().forEach(ChildProcess::close);
        nodes.clear();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            home.toFile().deleteOnExit();
        }
    }
}
