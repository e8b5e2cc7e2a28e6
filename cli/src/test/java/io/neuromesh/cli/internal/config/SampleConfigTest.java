package io.neuromesh.cli.internal.config;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.cli.internal.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.neuromesh.cli.internal.config.ConfigRun.environment;
import static io.neuromesh.cli.internal.config.ConfigRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample config file the packages install stays in step with the real options: every key in it is an option
 * (of its section's command), every option of edge, broker and worker is in it, its values are valid, and the values it
 * shows as defaults are the code's defaults.
 */
class SampleConfigTest {

    static final Path SAMPLE = Path.of("src/main/dist/neuromesh.conf");
    private static final Pattern COMMENTED = Pattern.compile("#\\s*([a-z][a-z0-9-]*\\s*=.*)");
    /** Defaults that depend on the machine ($NEUROMESH_HOME, the host, the CPUs) or that are off unless set. */
    private static final Set<String> EXAMPLES = Set.of("data", "task-dir", "node", "name", "concurrency",
            "prefetch", "tls-port", "http-port", "ha-discovery", "user", "password-file", "ca");

    @TempDir
    Path dir;

    /** @return the sample with every commented-out setting switched on */
    private List<String> uncommented() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)) {
            Matcher setting = COMMENTED.matcher(line.strip());
            lines.add(setting.matches() ? setting.group(1) : line);
        }
        return lines;
    }

    private static OptionCatalog catalog() {
        PrintStream sink = new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return new OptionCatalog(Cli.create(sink, sink, CommandLine.defaultFactory()).getCommandSpec());
    }

    @Test
    void everyKeyOfTheSampleIsARealOptionWithAValidValue() throws Exception {
        // Throws with file:line at the first key that is not an option there or a value the option refuses.
        catalog().check(ConfigFile.parse(SAMPLE, uncommented()));
    }

    @Test
    void everyOptionOfEdgeBrokerAndWorkerIsInTheSample() throws Exception {
        ConfigFile sample = ConfigFile.parse(SAMPLE, uncommented());
        OptionCatalog catalog = catalog();
        List<String> missing = new ArrayList<>();
        for (String command : List.of("edge", "broker", "worker")) {
            for (var option : OptionCatalog.settings(catalog.command(command).orElseThrow())) {
                String key = OptionCatalog.key(option);
                if (sample.find(command, key).isEmpty() && sample.find(ConfigFile.GLOBAL, key).isEmpty()) {
                    missing.add(command + " --" + key);
                }
            }
        }
        assertEquals(List.of(), missing, "options missing from " + SAMPLE);
    }

    @Test
    void docsConfigurationListsEveryKeyWithItsVariable() throws Exception {
        String docs = Files.readString(Path.of("../docs/configuration.md"));
        OptionCatalog catalog = catalog();
        List<String> missing = new ArrayList<>();
        for (String command : catalog.commandPaths()) {
            for (var option : OptionCatalog.settings(catalog.command(command).orElseThrow())) {
                String key = OptionCatalog.key(option);
                if (!docs.contains("| `" + key + "` | `" + OptionCatalog.env(key) + "` |")) {
                    missing.add(key);
                }
            }
        }
        assertEquals(List.of(), missing, "keys missing from docs/configuration.md");
    }

    @Test
    void theValuesTheSampleShowsAreTheCodesDefaults() throws Exception {
        Path sample = Files.write(dir.resolve("sample.conf"), uncommented());
        ConfigRun.Run withSample = run(environment(dir, Map.of()), "config", "show", "--json", "--config",
                sample.toString());
        ConfigRun.Run without = run(environment(dir, Map.of()), "config", "show", "--json");
        assertEquals(0, withSample.code(), withSample.err());
        JsonObject shown = JsonParser.parseString(withSample.out()).getAsJsonObject().getAsJsonObject("commands");
        JsonObject defaults = JsonParser.parseString(without.out()).getAsJsonObject().getAsJsonObject("commands");
        Set<String> compared = new HashSet<>();
        for (String command : shown.keySet()) {
            for (String key : shown.getAsJsonObject(command).keySet()) {
                JsonObject setting = shown.getAsJsonObject(command).getAsJsonObject(key);
                if (EXAMPLES.contains(key) || !setting.get("source").getAsString().equals("file")) {
                    continue;
                }
                var codeDefault = defaults.getAsJsonObject(command).getAsJsonObject(key).get("value");
                assertEquals(codeDefault == null ? null : codeDefault.getAsString().toLowerCase(),
                        setting.get("value").getAsString().toLowerCase(), command + " " + key);
                compared.add(key);
            }
        }
        assertTrue(compared.containsAll(Set.of("broker", "heartbeat", "offline-after", "port", "queue", "tasks")),
                compared.toString());
    }
}
