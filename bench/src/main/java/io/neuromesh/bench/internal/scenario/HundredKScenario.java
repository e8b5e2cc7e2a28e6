package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.child.ChildJvm;
import io.neuromesh.bench.internal.child.ChildProcess;
import io.neuromesh.bench.internal.fleet.BenchFleet;
import io.neuromesh.bench.internal.fleet.Links;
import io.neuromesh.bench.internal.fleet.Topologies;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.Scenario;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;

/**
 * One runtime in a child JVM limited to a 512 MB heap hosts a random sparse network (fixed seed, two synapses per
 * neuron, 100,000 neurons), applied through MQTT like any topology; then a few thousand sensor inputs are driven
 * into it. Reports the heap in use after GC per neuron, and whether it ran out of memory.
 */
public final class HundredKScenario implements Scenario {

    private static final String HEAP = "-Xmx512m";
    private static final int SENSORS = 100;
    private static final long SEED = 42;
    private static final Duration CHILD_ANSWER = Duration.ofSeconds(60);
    private static final Duration APPLY = Duration.ofMinutes(3);
    private static final Duration SETTLE = Duration.ofMinutes(2);

    @Override
    public String name() {
        return "100k";
    }

    @Override
    public List<ScenarioResult> run(ScenarioContext context) throws Exception {
        Scale scale = context.scale();
        String label = context.broker().label();
        String node = "bench-big";
        int neurons = scale.bigNeurons();
        String row = "100k heap/neuron";
        List<String> command = ChildJvm.command(ChildJvm.edgeOptions(List.of(HEAP, "-XX:+ExitOnOutOfMemoryError")),
                BigRuntimeHost.class.getName(), List.of(node, context.broker().uri().toString()));
        try (ChildProcess child = ChildProcess.start(command);
             BenchFleet fleet = new BenchFleet(context.broker().uri(), context.revisions());
             MqttLink publisher = Links.connect(context.broker().uri(), "big-pub")) {
            child.awaitLine("online"::equals, CHILD_ANSWER);
            long baseline = heap(child);
            long rev = context.revisions().next();
            byte[] topology = Topologies.sparse(rev, neurons, List.of(node), SENSORS, SEED)
                    .getBytes(StandardCharsets.UTF_8);
            Duration applied;
            try {
                applied = fleet.apply(new String(topology, StandardCharsets.UTF_8), rev, List.of(node), APPLY);
            } catch (IllegalStateException e) {
                return List.of(outOfMemoryOr(child, row, label, e.getMessage()));
            }
            context.say(String.format(Locale.ROOT, "%,d neurons (%.1f MB of JSON) applied in %s", neurons,
                    topology.length / 1e6, Durations.format(applied)));
            byte[][][] inputs = new byte[SENSORS][2][];
            for (int j = 0; j < SENSORS; j++) {
                inputs[j][0] = InputCodec.encode(Input.of(Topologies.sensorId(j), 0));
                inputs[j][1] = InputCodec.encode(Input.of(Topologies.sensorId(j), 1));
            }
            for (int k = 0; k < scale.bigInputs(); k++) {
                int sensor = k % SENSORS;
                int value = (k / SENSORS + 1) % 2;
                publisher.publish(Topics.input(Topologies.neuronId(Topologies.fedBy(sensor, neurons, SENSORS))),
                        inputs[sensor][value], Qos.AT_LEAST_ONCE, false);
            }
            long[] stats;
            try {
                stats = settle(child, scale.bigInputs());
                long used = heap(child);
                child.send("exit");
                child.awaitLine("bye"::equals, CHILD_ANSWER);
                double perNeuron = (double) used / neurons;
                String note = String.format(Locale.ROOT, "child JVM %s: heap after GC %.1f MB with %,d neurons "
                                + "hosted (%.1f MB before the topology, so %.0f bytes/neuron added); topology %.1f MB "
                                + "applied in %s; %,d sensor inputs driven, %,d inputs processed with the cascades, "
                                + "%d dropped", HEAP, used / 1e6, stats[2], baseline / 1e6,
                        (double) (used - baseline) / neurons, topology.length / 1e6, Durations.format(applied),
                        scale.bigInputs(), stats[0], stats[1]);
                return List.of(new ScenarioResult(row, label, 1, null, null, perNeuron, "bytes/neuron",
                        "runs in 512 MB heap", stats[2] == neurons ? Verdict.MET : Verdict.MISSED,
                        stats[2] == neurons ? note : note + "; only " + stats[2] + " of " + neurons + " hosted"));
            } catch (TimeoutException e) {
                return List.of(outOfMemoryOr(child, row, label, e.getMessage()));
            }
        }
    }

    /** Waits until the child processed at least {@code inputs} inputs and its counter stopped moving. */
    private static long[] settle(ChildProcess child, int inputs) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long[] previous = null;
        while (System.nanoTime() < deadline) {
            child.send("stats");
            String[] parts = child.awaitLine(l -> l.startsWith("stats "), CHILD_ANSWER).split(" ");
            long[] now = {Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])};
            if (previous != null && now[0] >= inputs && now[0] == previous[0]) {
                return now;
            }
            previous = now;
            Thread.sleep(250);
        }
        throw new TimeoutException("the runtime did not process " + inputs + " inputs within " + SETTLE.toSeconds()
                + " s");
    }

    private static long heap(ChildProcess child) throws InterruptedException, TimeoutException {
        child.send("heap");
        return Long.parseLong(child.awaitLine(l -> l.startsWith("heap "), CHILD_ANSWER).substring(5));
    }

    /** The row when the child stopped answering: out of memory if it exited that way, the reason otherwise. */
    private static ScenarioResult outOfMemoryOr(ChildProcess child, String row, String label, String reason)
            throws InterruptedException {
        OptionalInt status = child.isAlive() ? OptionalInt.empty() : child.awaitExit(Duration.ZERO);
        String note = status.isPresent()
                ? "the child JVM (" + HEAP + ") died with status " + status.getAsInt() + " (out of memory when 3)"
                + child.lastError()
                : reason;
        return ScenarioResult.without(row, label, Verdict.MISSED, note);
    }
}
