package io.neuromesh.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark in its smallest form runs every scenario and prints a row for each. No timing is checked. */
class BenchSmokeIT {

    @Test
    @Timeout(180)
    void runsEveryScenarioAndPrintsARowForEach(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BenchOptions options = BenchOptions.builder().mode(BenchMode.SMOKE)
                .edgeMainClass(EdgeMainStandIn.class.getName()).build();

        BenchReport report = Bench.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        List<String> tableLines = output.substring(output.indexOf("SCENARIO")).lines().toList();
        for (String scenario : Bench.SCENARIOS) {
            assertTrue(report.results().stream().anyMatch(r -> r.scenario().startsWith(scenario)),
                    "a result for " + scenario);
            assertTrue(tableLines.stream().anyMatch(l -> l.startsWith(scenario)), "a table row for " + scenario);
        }
        assertEquals(List.of(), report.results().stream().filter(r -> r.verdict() == Verdict.FAILED)
                .map(r -> r.scenario() + ": " + r.note()).toList(), "no scenario broke");
        Path json = dir.resolve("bench.json");
        report.writeJson(json);
        assertTrue(Files.readString(json).contains("\"scenario\": \"flows-wordcount\""));
    }
}
