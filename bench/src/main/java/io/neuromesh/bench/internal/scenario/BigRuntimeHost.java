package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.internal.fleet.BenchFleet;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.RuntimeStats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
        EdgeRuntime runtime = EdgeRuntime.builder().node(args[0]).broker(args[1]).gpio(GpioSetting.OFF)
                .handover(Duration.ZERO).sessionExpiry(BenchFleet.SESSION_EXPIRY)
                .link(l -> l.startTimeout(Duration.ofSeconds(30))).build();
        runtime.start();
        System.out.println("online");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = commands.readLine()) != null) {
            switch (command.strip()) {
                case "heap" -> System.out.println("heap " + heapAfterGc());
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

    /** Heap in use after full collections: run until it stops shrinking (at most five times). */
    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}
