package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.internal.child.Memory;
import io.neuromesh.bench.internal.fleet.BenchFleet;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.RuntimeStats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM of the 100k scenario: one edge runtime, driven over standard input by the bench. Arguments:
 * {@code <node> <broker URL>}. It prints {@code online} once connected, then answers one line per command:
 * {@code heap} -> {@code heap <bytes used after GC>}, {@code stats} -> {@code stats <inputs> <dropped> <hosted>},
 * {@code exit} -> closes the runtime, prints {@code bye} and exits. Run with {@code -XX:+ExitOnOutOfMemoryError} so
 * that running out of heap ends it with a non-zero status.
 */
public final class BigRuntimeHost {

    private BigRuntimeHost() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) throws IOException {
        EdgeRuntime runtime = BenchFleet.builder(URI.create(args[1]), args[0]).build();
        runtime.start();
        System.out.println("online");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = commands.readLine()) != null) {
            switch (command.strip()) {
                case "heap" -> System.out.println("heap " + Memory.heapAfterGc());
                case "stats" -> {
                    RuntimeStats stats = runtime.stats();
                    System.out.println("stats " + stats.inputs() + " " + stats.dropped() + " "
                            + runtime.hostedNeurons().size());
                }
                case "exit" -> {
                    runtime.close();
                    System.out.println("bye");
                    System.exit(0);
                }
                default -> System.out.println("error unknown command '" + command + "'");
            }
        }
        runtime.close();
        System.exit(0);
    }
}
