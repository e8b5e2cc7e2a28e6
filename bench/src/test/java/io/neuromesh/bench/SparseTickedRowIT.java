package io.neuromesh.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sparse scenario in its smallest form, three edge processes on the embedded broker: it produces the ticked XOR
 * row (issue 15) next to the eager ones, with every sample's z settled (a missing output fails the scenario). No
 * timing is checked beyond what a tick implies: a settled output comes a tick of grace after its input's tick.
 */
class SparseTickedRowIT {

    @Test
    @Timeout(240)
    void theSparseScenarioMeasuresTheTickedXorNextToTheEagerOne() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BenchOptions options = BenchOptions.builder().mode(BenchMode.SMOKE).only(Set.of(Bench.SPARSE))
                .edgeMainClass(EdgeMainStandIn.class.getName()).build();

        BenchReport report = Bench.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        System.out.print(printed.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), report.results().stream().filter(r -> r.verdict() == Verdict.FAILED)
                .map(r -> r.scenario() + ": " + r.note()).toList(), "nothing broke");
        ScenarioResult ticked = report.results().stream().filter(r -> r.scenario().startsWith("sparse xor ticked"))
                .findFirst().orElseThrow(() -> new AssertionError("no ticked row in " + report.results()));
        ScenarioResult eager = report.results().stream().filter(r -> r.scenario().startsWith("sparse xor 3 nodes"))
                .findFirst().orElseThrow();
        assertEquals(eager.samples(), ticked.samples(), "as many samples as the eager row");
        // A settled output waits for its tick's end and then one tick of grace for late sensor inputs: at least
        // one tick (50 ms) after the input, where the eager XOR takes a few ms. Inputs without their tick would
        // not wait.
        assertTrue(ticked.p50().toMillis() >= 50, "p50 " + ticked.p50());
        assertEquals(ticked.p50().toNanos() / (double) eager.p50().toNanos(), ticked.value(), 1e-9, "ratio to eager");
        assertTrue(ticked.note().contains("ticks"), ticked.note());
    }
}
