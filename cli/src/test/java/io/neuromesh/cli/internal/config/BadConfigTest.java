package io.neuromesh.cli.internal.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.neuromesh.cli.internal.config.ConfigRun.environment;
import static io.neuromesh.cli.internal.config.ConfigRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A config file that cannot be used stops the command before it runs (exit 2), saying file:line and what is wrong;
 * no setting of it is applied. The command tried is {@code topology validate}, which would otherwise succeed.
 */
class BadConfigTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            brokr = tcp://a:1883                 | :1: unknown key 'brokr'; no command has --brokr; did you mean 'broker'?
            colour = blue                        | :1: unknown key 'colour'; no command has --colour
            [edge]\\ntimeout = 5s                | :2: unknown key 'timeout' in [edge]: edge has no --timeout
            [edge]\\nhartbeat = 5s               | :2: unknown key 'hartbeat' in [edge]: edge has no --hartbeat; did you mean 'heartbeat'?
            [egde]\\nnode = n1                   | :1: [egde] is not a command; did you mean 'edge'?
            just words                           | :1: expected 'key = value', '[command]' or '# comment', got 'just words'
            timeout =                            | :1: timeout has no value; comment the line out (# timeout = ...) to use the default
            broker = tcp://a:1\\nbroker = tcp://b:1 | :2: broker is set twice (first on line 1)
            # fine\\ntimeout = soon              | :2: Invalid value for option '--timeout': 'soon' is not a duration; use a number and a unit: 300ms, 5s, 2m or 1h
            [edge]\\nnode = a/b                  | :2: Invalid value for option '--node': 'a/b' contains '/'
            [broker]\\nport = eighty            | :2: Invalid value for option '--port': 'eighty' is not an int
            password = hunter2                   | :1: a password is never written in the config file; put it in a file only the service can read (chmod 640) and set password-file = FILE
            """)
    void aBadLineIsNamedByFileAndLine(String text, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.conf"), text.replace("\\n", "\n") + "\n");
        ConfigRun.Run run = run(environment(dir, Map.of()), "topology", "validate", "--config", file.toString(),
                "../examples/xor.json");
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().startsWith("neuromesh topology validate: " + file + message), run.err());
        assertTrue(run.out().isEmpty(), "the command did not run: " + run.out());
        assertTrue(!run.err().contains("hunter2"), run.err());
    }

    @Test
    void theSameFileWithoutTheBadLineWorks() throws Exception {
        Path file = Files.writeString(dir.resolve("good.conf"), "timeout = 5s\n[edge]\nnode = n1\n");
        ConfigRun.Run run = run(environment(dir, Map.of()), "topology", "validate", "--config", file.toString(),
                "../examples/xor.json");
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void aConfigFileNamedByFlagOrVariableMustExist() {
        Path missing = dir.resolve("missing.conf");
        ConfigRun.Run flag = run(environment(dir, Map.of()), "nodes", "--config", missing.toString());
        assertEquals(2, flag.code());
        assertTrue(flag.err().contains(missing + ": no such config file (named by flag --config)"), flag.err());
        ConfigRun.Run env = run(environment(dir, Map.of("NEUROMESH_CONFIG", missing.toString())), "nodes");
        assertEquals(2, env.code());
        assertTrue(env.err().contains(missing + ": no such config file (named by env NEUROMESH_CONFIG)"), env.err());
    }

    @Test
    void aBadValueInTheEnvironmentNamesTheVariable() {
        ConfigRun.Run run = run(environment(dir, Map.of("NEUROMESH_TIMEOUT", "soon")), "nodes");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("NEUROMESH_TIMEOUT: Invalid value for option '--timeout': 'soon' is not a"
                + " duration"), run.err());
    }
}
