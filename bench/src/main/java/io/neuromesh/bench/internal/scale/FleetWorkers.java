package io.neuromesh.bench.internal.scale;

import io.neuromesh.bench.internal.child.ChildJvm;
import io.neuromesh.bench.internal.child.ChildProcess;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The worker JVMs of one fleet size ({@link FleetWorkerHost}), node {@code i} in worker {@code i % workers}, and the
 * fleet-wide answers built from theirs. Closing asks each to close its runtimes, then stops it.
 */
final class FleetWorkers implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(10);
    private static final Duration ANSWER = Duration.ofSeconds(60);

    /** One live node's report: the rev it runs, how many neurons it hosts and their hash sum. */
    record NodeState(String node, long rev, int hosted, long hash) {
    }

    /** Memory of the workers together, in bytes, and the runtimes alive in them. */
    record Mem(long heap, long rss, int runtimes) {
    }

    private final List<ChildProcess> children = new ArrayList<>();
    private final Map<String, ChildProcess> byNode = new LinkedHashMap<>();

    private FleetWorkers() {
    }

    /**
     * Starts {@code workers} JVMs (each with {@code heap}, e.g. {@code -Xmx512m}, and its {@link FleetSizing#collector})
     * hosting {@code nodes}; returns when all are online.
     */
    static FleetWorkers start(URI broker, List<String> nodes, int workers, String heap)
            throws IOException, InterruptedException, TimeoutException {
        FleetWorkers fleet = new FleetWorkers();
        try {
            for (int w = 0; w < workers; w++) {
                List<String> args = new ArrayList<>(List.of(broker.toString()));
                for (int i = w; i < nodes.size(); i += workers) {
                    args.add(nodes.get(i));
                }
                List<String> own = new ArrayList<>(List.of(heap, "-XX:+ExitOnOutOfMemoryError"));
                own.addAll(FleetSizing.collector(heap));
                List<String> options = ChildJvm.edgeOptions(own);
                ChildProcess child = ChildProcess.start(ChildJvm.command(options, FleetWorkerHost.class.getName(),
                        args));
                fleet.children.add(child);
                args.subList(1, args.size()).forEach(node -> fleet.byNode.put(node, child));
            }
            for (ChildProcess child : fleet.children) {
                String line = child.awaitLine(l -> l.equals("online") || l.startsWith("error "), START);
                if (!line.equals("online")) {
                    throw new IllegalStateException("a worker JVM failed: " + line.substring(6));
                }
            }
            return fleet;
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    /** Every live node's state. */
    List<NodeState> state() throws InterruptedException, TimeoutException {
        children.forEach(c -> c.send("state"));
        List<NodeState> states = new ArrayList<>();
        for (ChildProcess child : children) {
            String line = ask(child, "state").substring(5).strip();
            for (String entry : line.isEmpty() ? new String[0] : line.split(",")) {
                String[] f = entry.split(":");
                states.add(new NodeState(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3])));
            }
        }
        return states;
    }

    /** Remembers what every live node hosts now, for {@link #gained}. */
    void mark() throws InterruptedException, TimeoutException {
        children.forEach(c -> c.send("mark"));
        for (ChildProcess child : children) {
            ask(child, "marked");
        }
    }

    /** Neurons hosted now by a live node that did not host them at the last {@link #mark}: the neurons that moved. */
    long gained() throws InterruptedException, TimeoutException {
        children.forEach(c -> c.send("gained"));
        long gained = 0;
        for (ChildProcess child : children) {
            gained += Long.parseLong(ask(child, "gained ").substring(7));
        }
        return gained;
    }

    /** Crashes {@code nodes} at once (each worker drops its connections; the broker publishes their Last Wills). */
    void kill(List<String> nodes) throws InterruptedException, TimeoutException {
        Map<ChildProcess, StringBuilder> commands = new LinkedHashMap<>();
        for (String node : nodes) {
            commands.computeIfAbsent(byNode.get(node), c -> new StringBuilder("kill")).append(' ').append(node);
        }
        commands.forEach((child, command) -> child.send(command.toString()));
        for (ChildProcess child : commands.keySet()) {
            ask(child, "killed");
        }
    }

    /** Heap after GC and RSS summed over the workers. */
    Mem memory() throws InterruptedException, TimeoutException {
        children.forEach(c -> c.send("mem"));
        long heap = 0;
        long rss = 0;
        int runtimes = 0;
        for (ChildProcess child : children) {
            String[] f = ask(child, "mem ").split(" ");
            heap += Long.parseLong(f[1]);
            rss += Long.parseLong(f[2]);
            runtimes += Integer.parseInt(f[3]);
        }
        return new Mem(heap, rss, runtimes);
    }

    /** The child's next answer starting with {@code prefix}; an {@code error} answer becomes an exception. */
    private static String ask(ChildProcess child, String prefix) throws InterruptedException, TimeoutException {
        String line = child.awaitLine(l -> l.startsWith(prefix) || l.startsWith("error "), ANSWER);
        if (line.startsWith("error ") && !prefix.equals("error ")) {
            throw new IllegalStateException("a worker JVM failed: " + line.substring(6));
        }
        return line;
    }

    @Override
    public void close() {
        children.forEach(c -> c.send("exit"));
        children.parallelStream().forEach(child -> {
            try {
                child.awaitLine("bye"::equals, ANSWER);
            } catch (TimeoutException e) {
                // It did not close its runtimes in time: stopping the process drops them, the broker copes.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            child.close();
        });
    }
}
