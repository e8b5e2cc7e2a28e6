package io.neuromesh.bench.internal.scale;

import io.neuromesh.bench.internal.child.Memory;
import io.neuromesh.bench.internal.fleet.BenchFleet;
import io.neuromesh.edge.EdgeRuntime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A worker JVM of the fleet benchmark: many edge runtimes in one process, driven over standard input. Arguments:
 * {@code <broker URL> <node>...}. It starts every runtime, prints {@code online} (or {@code error <why>} and exits
 * with status 1), then answers one line per command:
 * <ul>
 * <li>{@code state} -> {@code state <node>:<rev>:<hosted>:<hash>,...} for each live runtime, where {@code hash} is
 * {@link HostingCheck#hash} summed over its hosted neurons (rev -1 when its brain thread is too busy to answer);</li>
 * <li>{@code mark} -> remembers what each runtime hosts now, answers {@code marked};</li>
 * <li>{@code gained} -> {@code gained <n>}: neurons hosted now by a live runtime that did not host them at the mark;</li>
 * <li>{@code kill <node>...} -> crashes those runtimes (no DISCONNECT: the broker sends their Last Will), answers
 * {@code killed};</li>
 * <li>{@code mem} -> {@code mem <heap after GC> <RSS> <live runtimes>} in bytes;</li>
 * <li>{@code exit} -> closes every runtime, prints {@code bye} and exits.</li>
 * </ul>
 */
public final class FleetWorkerHost {

    private static final Duration START = Duration.ofMinutes(3);

    private FleetWorkerHost() {
    }

    /** Entry point of the worker JVM. */
    public static void main(String[] args) throws IOException {
        URI broker = URI.create(args[0]);
        Map<String, EdgeRuntime> live = new LinkedHashMap<>();
        for (String node : List.of(args).subList(1, args.length)) {
            // Dozens of runtimes start at once on a few cores, each receiving every other's heartbeats: allow more
            // than the bench's usual 30 s to come online.
            EdgeRuntime runtime = BenchFleet.builder(broker, node).link(l -> l.startTimeout(START)).build();
            try {
                runtime.start();
            } catch (RuntimeException e) {
                System.out.println("error node " + node + " did not start: " + e);
                System.exit(1);
            }
            live.put(node, runtime);
        }
        System.out.println("online");
        Map<String, Set<String>> marked = new LinkedHashMap<>();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null) {
            try {
                answer(line, live, marked);
            } catch (RuntimeException | Error e) {
                // Keep running with the runtimes as they are; the bench shows the error and where.
                StackTraceElement[] at = e.getStackTrace();
                System.out.println("error " + e + (at.length == 0 ? "" : " at " + at[0]));
            }
        }
        live.values().parallelStream().forEach(EdgeRuntime::close);
        System.exit(0);
    }

    private static void answer(String line, Map<String, EdgeRuntime> live, Map<String, Set<String>> marked) {
        String[] words = line.strip().split(" ");
        switch (words[0]) {
            case "state" -> System.out.println("state " + state(live));
            case "mark" -> {
                marked.clear();
                live.forEach((node, runtime) -> marked.put(node, new HashSet<>(hosted(runtime))));
                System.out.println("marked");
            }
            case "gained" -> System.out.println("gained " + gained(live, marked));
            case "kill" -> {
                for (int i = 1; i < words.length; i++) {
                    EdgeRuntime runtime = live.remove(words[i]);
                    if (runtime != null) {
                        runtime.abort();
                    }
                }
                System.out.println("killed");
            }
            case "mem" -> System.out.println("mem " + Memory.heapAfterGc() + " " + Memory.residentBytes() + " "
                    + live.size());
            case "exit" -> {
                live.values().parallelStream().forEach(EdgeRuntime::close);
                System.out.println("bye");
                System.exit(0);
            }
            default -> System.out.println("error unknown command '" + line + "'");
        }
    }

    /** What a runtime hosts, asking again while its brain is too busy to answer (at most five times). */
    private static Set<String> hosted(EdgeRuntime runtime) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runtime.hostedNeurons();
            } catch (IllegalStateException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Asks every runtime at once: a brain too busy to answer costs one query timeout, not one per runtime. */
    private static String state(Map<String, EdgeRuntime> live) {
        List<Future<String>> answers;
        try (ExecutorService askers = Executors.newVirtualThreadPerTaskExecutor()) {
            answers = live.entrySet().stream().map(e -> askers.submit(() -> state(e.getKey(), e.getValue()))).toList();
        }
        // Closing the executor waited for every answer.
        StringJoiner nodes = new StringJoiner(",");
        answers.forEach(answer -> nodes.add(answer.resultNow()));
        return nodes.toString();
    }

    private static String state(String node, EdgeRuntime runtime) {
        try {
            long rev = runtime.rev();
            Set<String> hosted = runtime.hostedNeurons();
            return node + ":" + rev + ":" + hosted.size() + ":" + HostingCheck.hash(hosted);
        } catch (RuntimeException e) {
            // Its brain thread did not answer in time (busy): rev -1, so the fleet does not agree yet.
            return node + ":-1:0:0";
        }
    }

    private static long gained(Map<String, EdgeRuntime> live, Map<String, Set<String>> marked) {
        long gained = 0;
        for (Map.Entry<String, EdgeRuntime> entry : live.entrySet()) {
            Set<String> before = marked.getOrDefault(entry.getKey(), Set.of());
            gained += hosted(entry.getValue()).stream().filter(n -> !before.contains(n)).count();
        }
        return gained;
    }
}
