package io.neuromesh.cli.it;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.Topics;
import io.neuromesh.testkit.fleet.NodeStarter;
import io.neuromesh.testkit.fleet.Observer;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's fourth proof: {@code record} on a running fleet (three in-process runtimes, examples/xor-ticked.json with
 * 200 ms ticks on the embedded broker) while sensors change, then {@code replay} offline against the same rev (from the fleet's
 * applied history, and from the file): the outputs per tick are the fleet's, every one of them.
 */
@Timeout(90)
class RecordReplayIT {

    @TempDir
    Path dir;

    @Test
    void aReplayAgainstTheRevTheFleetRanGivesTheFleetsOutputsPerTick() throws Exception {
        try (TestFleet<EdgeRuntime> fleet = TestFleet.builder((NodeStarter<EdgeRuntime>) (node, broker) -> {
            EdgeRuntime runtime = EdgeRuntime.builder().node(node).broker(broker).build();
            runtime.start();
            return runtime;
        }).start()) {
            fleet.start("n1", "n2", "n3");
            // 200 ms ticks, so that one tick of grace absorbs a delivery delayed by a loaded machine: a late input
            // (logged by its node) joins another tick on the fleet than in the replay, which cannot know about it.
            Path example = Files.writeString(dir.resolve("xor-ticked-200.json"), Files.readString(
                    examples().resolve("xor-ticked.json")).replace("\"tickMs\": 50", "\"tickMs\": 200"));
            run(fleet, "topology", "apply", example.toString());
            Observer z = fleet.observe(Topics.output("z"));
            set(fleet, 1, 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> z.latest(Topics.output("z")).map(p -> p.contains("\"value\":1")).orElse(false));

            Path file = dir.resolve("run.jsonl");
            CompletableFuture<String> recording = CompletableFuture.supplyAsync(() -> run(fleet, "record", "--for", "3s",
                    file.toString()));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file)
                    && Files.readString(file).contains("\"kind\":\"initial-output\""));
            Random random = new Random(15);
            for (int i = 0; i < 14; i++) {
                set(fleet, random.nextInt(2), random.nextInt(2));
                await().pollDelay(Duration.ofMillis(60 + random.nextInt(120))).until(() -> true);
            }
            String recorded = recording.get(20, TimeUnit.SECONDS);
            assertTrue(recorded.startsWith("recorded 28 input(s) and "), recorded);
            long fleetOutputs = Files.readAllLines(file).stream().filter(l -> l.startsWith("{\"kind\":\"output\"")).count();
            assertTrue(fleetOutputs >= 5, "the fleet's outputs changed: " + fleetOutputs);

            String fromHistory = run(fleet, "replay", file.toString(), "--rev", "1");
            assertTrue(fromHistory.endsWith("matches the " + fleetOutputs + " output change(s) the fleet published\n"),
                    fromHistory);
            String fromFile = run(fleet, "replay", file.toString(), "--topology", example.toString());
            assertEquals(fromHistory, fromFile);
            List<String> json = run(fleet, "replay", file.toString(), "--topology", example.toString(), "--json")
                    .lines().toList();
            assertTrue(json.getFirst().matches("\\{\"tick\":\\d+,\"at\":\"[^\"]+\",\"outputs\":\\{.*}}"), json.getFirst());

            // The eager network: its inputs are recorded, its outputs (no tick) are not, and the summary says why;
            // the inputs still replay through the ticked topology.
            run(fleet, "topology", "apply", examples().resolve("xor.json").toString());
            set(fleet, 0, 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> z.latest(Topics.output("z"))
                    .map(p -> p.contains("\"value\":0")).orElse(false));
            Path eager = dir.resolve("eager.jsonl");
            CompletableFuture<String> eagerRecording = CompletableFuture.supplyAsync(() -> run(fleet, "record",
                    "--for", "2s", eager.toString()));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(eager)
                    && Files.readString(eager).contains("\"kind\":\"initial-output\""));
            set(fleet, 1, 0);
            String eagerRecorded = eagerRecording.get(20, TimeUnit.SECONDS);
            assertTrue(eagerRecorded.startsWith("recorded 2 input(s) of rev 2 (it runs without ticks, so no output is"
                    + " recorded) in 2s to "), eagerRecorded);
            assertTrue(Files.readAllLines(eager).stream().noneMatch(l -> l.startsWith("{\"kind\":\"output\"")));
            assertTrue(run(fleet, "replay", eager.toString(), "--topology", example.toString()).contains("z=1"));
        }
    }

    /** Both sensors back to back, stamped with one source time. */
    private static void set(TestFleet<?> fleet, int x, int y) {
        long ts = System.currentTimeMillis();
        fleet.publish(Topics.input("x"), ("{\"from\":\"sensor_x\",\"value\":" + x + ",\"ts\":" + ts + "}")
                .getBytes(StandardCharsets.UTF_8), false);
        fleet.publish(Topics.input("y"), ("{\"from\":\"sensor_y\",\"value\":" + y + ",\"ts\":" + ts + "}")
                .getBytes(StandardCharsets.UTF_8), false);
    }

    private static Path examples() {
        Path here = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(here.resolve("examples"))) {
            here = here.getParent();
        }
        return here.resolve("examples");
    }

    private static String run(TestFleet<?> fleet, String... argv) {
        return InProcessCli.run(fleet.uri(), argv);
    }
}
