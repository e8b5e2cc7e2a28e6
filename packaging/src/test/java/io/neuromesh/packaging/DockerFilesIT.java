package io.neuromesh.packaging;

import io.neuromesh.cli.internal.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docker/compose.yaml and docker/Dockerfile against the command line they run, where no Docker engine runs: every
 * service's command and every health check is parsed by the real picocli command tree ({@link Cli#create}), so an
 * option that does not exist or a value its converter refuses fails here; the images and build targets the compose
 * file names exist; the Maven stage copies every module the packages are built from.
 */
@Timeout(60)
class DockerFilesIT {

    private static final Path ROOT = Built.repository();
    private static final Path COMPOSE_FILE = ROOT.resolve("docker/compose.yaml");
    private static final Set<String> ROLE_STAGES = Set.of("edge", "broker");

    private static Map<String, Object> compose;
    private static Dockerfile dockerfile;

    @BeforeAll
    static void read() throws IOException {
        compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(COMPOSE_FILE));
        dockerfile = Dockerfile.read(ROOT.resolve("docker/Dockerfile"));
    }

    @Test
    void theCheckerRefusesWhatTheCommandLineRefuses() {
        // Without this, a checker that accepted everything (or a tree without the broker's commands) would pass.
        assertThrows(ParameterException.class, () -> parse(List.of("edge", "--nodes", "n1")));
        assertThrows(ParameterException.class, () -> parse(List.of("edge", "--gpio", "maybe")));
        assertThrows(ParameterException.class, () -> parse(List.of("nodes", "--timeout", "soon")));
        assertThrows(ParameterException.class, () -> parse(List.of("broker", "--bnid", "0.0.0.0")));
        assertThrows(ParameterException.class, () -> parse(List.of("dashboard", "--port", "eighty")));
        assertEquals(List.of(List.of("a", "b c"), List.of("d", "$X")),
                ShellCommands.of("a 'b c' 2>&1 | d \"$X\" > /dev/null"));
    }

    @Test
    void everyServiceCommandParsesWithTheCommandLine() {
        assertEquals(Set.of("broker", "n1", "n2", "n3", "apply", "dashboard"), services().keySet());
        services().forEach((name, service) -> {
            List<String> command = strings(service.get("command"), name + ".command");
            parseOrFail(command, "service " + name + " command");
        });
    }

    @Test
    void edgeServicesNameTheirNodeForTheHealthCheck() {
        List<String> nodes = new ArrayList<>();
        services().forEach((name, service) -> {
            List<String> command = strings(service.get("command"), name + ".command");
            if (command.getFirst().equals("edge")) {
                String node = command.get(command.indexOf("--node") + 1);
                Map<String, Object> environment = map(service.get("environment"), name + ".environment");
                assertEquals(node, environment.get("NEUROMESH_NODE"),
                        "service " + name + ": NEUROMESH_NODE, which its health check reads, must equal --node");
                nodes.add(node);
            }
        });
        assertEquals(List.of("n1", "n2", "n3"), nodes);
    }

    @Test
    void imagesAndBuildTargetsExist() {
        Map<String, String> built = new java.util.HashMap<>();
        services().forEach((name, service) -> {
            if (service.get("build") != null) {
                Map<String, Object> build = map(service.get("build"), name + ".build");
                Path context = COMPOSE_FILE.getParent().resolve((String) build.get("context")).normalize();
                assertEquals(ROOT.normalize(), context, "service " + name + ": the build context is the repository");
                assertTrue(Files.isRegularFile(context.resolve((String) build.get("dockerfile"))), name);
                String target = (String) build.get("target");
                assertTrue(ROLE_STAGES.contains(target), "service " + name + ": target " + target);
                dockerfile.stage(target);
                String image = (String) service.get("image");
                assertNotNull(image, "service " + name + ": name the image it builds, so others can share it");
                String before = built.putIfAbsent(image, target);
                assertTrue(before == null || before.equals(target), "image " + image + " built from two targets");
            }
        });
        services().forEach((name, service) -> assertTrue(built.containsKey((String) service.get("image")),
                "service " + name + " uses image " + service.get("image") + ", which no service builds"));
        assertEquals("broker", dockerfile.defaultStage().name(),
                "docker build without --target must give the whole command line (docker/README.md)");
        assertEquals("edge", dockerfile.stage("broker").from(), "the broker image is the edge image plus its jars");
    }

    @Test
    void boundVolumesExistInTheRepository() {
        services().forEach((name, service) -> {
            if (service.get("volumes") == null) {
                return;
            }
            for (String volume : strings(service.get("volumes"), name + ".volumes")) {
                String source = volume.split(":")[0];
                if (source.startsWith(".")) {
                    assertTrue(Files.exists(COMPOSE_FILE.getParent().resolve(source)), name + ": " + volume);
                }
            }
        });
        // The file the apply service publishes, through its /examples mount.
        List<String> apply = strings(services().get("apply").get("command"), "apply.command");
        String file = apply.stream().filter(word -> word.startsWith("/examples/")).findFirst().orElseThrow();
        assertTrue(Files.isRegularFile(ROOT.resolve(file.substring(1))), file);
    }

    @Test
    void healthChecksArePresentAndTheirCommandsParse() {
        for (String role : ROLE_STAGES) {
            Dockerfile.HealthCheck check = dockerfile.stage(role).healthCheck();
            assertNotNull(check, "the " + role + " image has no HEALTHCHECK");
            List<List<String>> neuromesh = neuromeshCommands(check.exec(), check.shell());
            assertEquals(1, neuromesh.size(), role + ": " + check);
            neuromesh.forEach(command -> parseOrFail(command, "the " + role + " image's HEALTHCHECK"));
        }
        services().forEach((name, service) -> {
            Map<String, Object> override = service.get("healthcheck") == null ? null
                    : map(service.get("healthcheck"), name + ".healthcheck");
            if (override == null) {
                // The image's check applies: the role's stage has one (checked above).
                return;
            }
            if (Boolean.TRUE.equals(override.get("disable"))) {
                // apply runs once; the dashboard is no node, and the image has no HTTP client to probe its page.
                assertTrue(Set.of("apply", "dashboard").contains(name),
                        name + ": only the one-shot service and the dashboard may run without a health check");
                return;
            }
            Object test = override.get("test");
            List<List<String>> commands = test instanceof String shell ? neuromeshCommands(null, shell)
                    : neuromeshCommands(strings(test, name + ".healthcheck.test"), null);
            assertFalse(commands.isEmpty(), name + ": a health check that runs no neuromesh command");
            commands.forEach(command -> parseOrFail(command, "service " + name + " healthcheck"));
        });
    }

    @Test
    void theBuildStageCopiesEveryModuleOfThePackages() throws IOException {
        List<String> copied = dockerfile.stage("build").contextCopies();
        for (String module : modules()) {
            assertTrue(copied.contains(module + "/pom.xml"), "docker/Dockerfile does not copy " + module + "/pom.xml");
            assertTrue(copied.contains(module + "/src/main"), "docker/Dockerfile does not copy " + module + "/src/main");
        }
        assertTrue(copied.contains("packaging/src/deb"), "the packages' control files");
        for (String source : copied) {
            assertTrue(Files.exists(ROOT.resolve(source)), "docker/Dockerfile copies " + source + ", which is not there");
        }
    }

    /** The modules of the reactor, the packaging profile's included. */
    private static List<String> modules() throws IOException {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertTrue(modules.contains("cli") && modules.contains("packaging"), modules.toString());
        return modules;
    }

    /** The {@code neuromesh ...} commands of a health check (its {@code CMD-SHELL} text or exec words), sans program. */
    private static List<List<String>> neuromeshCommands(List<String> exec, String shell) {
        List<List<String>> simple;
        if (shell != null) {
            simple = ShellCommands.of(shell);
        } else if (exec.getFirst().equals("CMD-SHELL")) {
            simple = ShellCommands.of(exec.get(1));
        } else {
            simple = List.of(exec.getFirst().equals("CMD") ? exec.subList(1, exec.size()) : exec);
        }
        return simple.stream().filter(words -> words.getFirst().equals("neuromesh"))
                .map(words -> words.subList(1, words.size())).toList();
    }

    private static void parseOrFail(List<String> args, String where) {
        try {
            parse(args);
        } catch (ParameterException e) {
            fail(where + ": neuromesh " + String.join(" ", args) + ": " + e.getMessage());
        }
    }

    /** Parses (never runs) a command line with the real command tree; throws what picocli throws. */
    private static void parse(List<String> args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CommandLine commandLine = Cli.create(sink, sink, CommandLine.defaultFactory());
        commandLine.parseArgs(args.toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new AssertionError(where + ": expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value, String where) {
        if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
            throw new AssertionError(where + ": expected a list of strings (exec form), got " + value);
        }
        return list.stream().map(String.class::cast).toList();
    }
}
