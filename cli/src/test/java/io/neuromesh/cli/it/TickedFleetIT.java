package io.neuromesh.cli.it;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.Output;
import io.neuromesh.edge.wire.OutputCodec;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's second and fourth proofs as a user runs them: a broker (the embedded HiveMQ CE through
 * {@code ./neuromesh broker}, or a Mosquitto process), three {@code ./neuromesh edge} processes and
 * {@code examples/xor-ticked.json} (x on n1, y on n2, z on n3) applied with {@code ./neuromesh topology apply}. While
 * {@code ./neuromesh record} runs as a process, both sensors are set back to back (microseconds apart, one source
 * time) for all 16 transitions between the four states of (x, y): z changes exactly when XOR changes, once, straight
 * to the settled value. Ctrl-C then ends the recording, and {@code ./neuromesh replay} of it says its outputs are the
 * fleet's.
 */
@Timeout(120)
class TickedFleetIT extends WalkthroughBase {

    private static final List<String> NODES = List.of("n1", "n2", "n3");
    /** The 17 states of an Euler circuit through all 16 (from, to) pairs of the four states (self-loops included). */
    private static final int[] WALK = {0, 0, 1, 1, 2, 2, 3, 3, 0, 2, 0, 3, 1, 3, 2, 1, 0};
    /**
     * The example's tick made longer, as RecordReplayIT does: one tick of grace then absorbs a delivery delayed by a
     * loaded machine (four JVMs and a broker on two cores), so no input is late and joins another tick on the fleet
     * than in the replay.
     */
    private static final int TICK_MS = 200;
    /**
     * How long to watch z after a transition. Its wave completes within two ticks of the inputs (the tick, then the
     * tick of grace for late sensor inputs) plus three hops between processes: 400 ms plus a few ms. A glitch is an
     * extra z output of that wave, so 700 ms shows it, with room for a loaded machine.
     */
    private static final Duration WATCH = Duration.ofMillis(700);
    /** Longer than the settling and the 16 transitions ({@code 16 * WATCH} plus the waits for a change). */
    private static final Duration RECORDING = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private String broker;

    @ParameterizedTest(name = "on {0}")
    @EnumSource(BrokerKind.class)
    void sixteenBackToBackTransitionsGiveTheSettledZOnceAndTheReplayMatchesTheRecording(BrokerKind kind)
            throws Exception {
        BrokerProcess brokerProcess = null;
        MqttLink link = null;
        try {
            brokerProcess = BrokerProcess.start(kind, launcher, STARTUP);
            broker = brokerProcess.uri();
            for (String node : NODES) {
                launcher.start(node, "edge", "--node", node, "--broker", broker, "--gpio", "off", "--no-worker");
            }
            try (FleetClient client = FleetClient.connect(URI.create(broker), Duration.ofSeconds(10))) {
                await().atMost(STARTUP).until(() -> client.nodes().values().stream().filter(NodeStatus::online)
                        .count() == NODES.size());
            }
            link = MqttLink.builder().broker(broker).clientId("ticked-fleet-it-" + System.nanoTime())
                    .startTimeout(Duration.ofSeconds(10)).build();
            link.start();
            List<String> z = new CopyOnWriteArrayList<>();
            // On the link's dispatch thread: records only, never blocks.
            link.subscribe(Subscription.of(Topics.output("z")),
                    m -> z.add(new String(m.payload(), StandardCharsets.UTF_8)));

            String example = Files.readString(launcher.root().resolve("examples/xor-ticked.json"));
            Path topology = Files.writeString(dir.resolve("xor-ticked-" + TICK_MS + ".json"),
                    example.replace("\"tickMs\": 50", "\"tickMs\": " + TICK_MS));
            assertTrue(Files.readString(topology).contains("\"tickMs\": " + TICK_MS), "the example's tickMs moved");
            ManagedProcess.Result apply = run("topology", "apply", topology.toString());
            assertEquals(0, apply.exitCode(), apply.output());

            // z gets a published output to start from (so that the recording starts with it), and ends at 0.
            setBackToBack(link, 1, 0);
            awaitZ(z, 1);
            setBackToBack(link, 0, 0);
            awaitZ(z, 0);

            Path file = dir.resolve("run.jsonl");
            ManagedProcess record = launcher.start("record", "record", "--for", RECORDING.toSeconds() + "s",
                    file.toString(), "--broker", broker);
            // The recorder is subscribed once it wrote the retained outputs it received.
            await().atMost(STARTUP).until(() -> Files.exists(file)
                    && Files.readString(file).contains("\"kind\":\"initial-output\""));

            List<String> problems = new ArrayList<>();
            List<Long> latencies = new ArrayList<>();
            int correct = 0;
            int previous = 0;
            long driving = System.nanoTime();
            for (int i = 1; i < WALK.length; i++) {
                int to = WALK[i];
                int expected = (to >> 1) ^ (to & 1);
                int seen = z.size();
                long sent = System.nanoTime();
                setBackToBack(link, to >> 1, to & 1);
                if (expected != previous) {
                    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                            .until(() -> z.size() > seen);
                    latencies.add((System.nanoTime() - sent) / 1_000_000);
                }
                await().pollDelay(WATCH).atMost(WATCH.plusSeconds(1)).until(() -> true);
                List<String> now = List.copyOf(z);
                List<Output> outputs = now.subList(seen, now.size()).stream().map(TickedFleetIT::decode).toList();
                List<Integer> values = outputs.stream().map(Output::value).toList();
                if (values.equals(expected == previous ? List.of() : List.of(expected))
                        && outputs.stream().allMatch(o -> o.tick().isPresent())) {
                    correct++;
                } else {
                    problems.add(bits(WALK[i - 1]) + " -> " + bits(to) + ": z " + values + " " + outputs);
                }
                previous = expected;
            }
            long drove = (System.nanoTime() - driving) / 1_000_000;
            latencies.sort(null);
            System.out.println(kind + " (processes, tickMs " + TICK_MS + "): z settled " + latencies
                    + " ms after the inputs; 16 transitions took " + drove + " ms");
            assertEquals(List.of(), problems, "glitches or wrong values on neuron/z/output");
            assertEquals(16, correct);
            assertTrue(drove < RECORDING.toMillis() - 1000, "the recording covers the transitions: " + drove + " ms");

            // Ctrl-C ends the recording before its --for: the file is complete, the exit status the signal's.
            record.signal("INT");
            ManagedProcess.Result recorded = record.awaitExit(30);
            assertEquals(130, recorded.exitCode(), recorded.output());
            assertTrue(recorded.output().contains("recorded " + 2 * (WALK.length - 1) + " input(s) and "),
                    recorded.output());
            assertTrue(recorded.output().contains("(stopped by a signal before --for " + RECORDING.toSeconds() + "s)"),
                    recorded.output());
            long fleetOutputs = Files.readAllLines(file).stream().filter(l -> l.startsWith("{\"kind\":\"output\""))
                    .count();
            assertTrue(fleetOutputs >= 8, "z alone changed 8 times: " + fleetOutputs);

            ManagedProcess.Result replay = run("replay", file.toString());
            assertEquals(0, replay.exitCode(), replay.output());
            List<String> lines = replay.output().strip().lines().toList();
            assertEquals("matches the " + fleetOutputs + " output change(s) the fleet published", lines.getLast(),
                    replay.output());
        } finally {
            if (link != null) {
                link.close();
            }
            launcher.stopAll();
            if (brokerProcess != null) {
                brokerProcess.close();
            }
        }
    }

    private ManagedProcess.Result run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--broker", broker));
        return launcher.run(60, all.toArray(String[]::new));
    }

    /** Sets both sensors back to back, both stamped with one source time (one reading of both at once). */
    private static void setBackToBack(MqttLink link, int x, int y) {
        long ts = System.currentTimeMillis();
        link.publish(Topics.input("x"), sensor("sensor_x", x, ts), Qos.AT_LEAST_ONCE, false);
        link.publish(Topics.input("y"), sensor("sensor_y", y, ts), Qos.AT_LEAST_ONCE, false);
    }

    private static byte[] sensor(String sensor, int value, long ts) {
        return ("{\"from\":\"" + sensor + "\",\"value\":" + value + ",\"ts\":" + ts + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitZ(List<String> z, int value) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> !z.isEmpty() && decode(z.getLast()).value() == value);
    }

    private static String bits(int state) {
        return "" + (state >> 1) + (state & 1);
    }

    private static Output decode(String payload) {
        try {
            return OutputCodec.decode(payload.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("not an output: " + payload, e);
        }
    }
}
