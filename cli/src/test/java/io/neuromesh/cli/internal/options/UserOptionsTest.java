package io.neuromesh.cli.internal.options;

import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.mqtt.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserOptionsTest {

    private static UserOptions parse(String... args) {
        UserOptions options = new UserOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void takesThePasswordFromTheEnvironmentOrTheFirstLineOfAFile(@TempDir Path dir) throws Exception {
        Credentials fromEnv = parse("--user", "alice").credentials(Map.of("NEUROMESH_PASSWORD", "s3cret-pw"));
        assertEquals("alice", fromEnv.user());
        assertArrayEquals("s3cret-pw".getBytes(StandardCharsets.UTF_8), fromEnv.password());

        Path file = Files.writeString(dir.resolve("pw"), "from-file-pw\nignored\n");
        Credentials fromFile = parse("--user", "n1", "--password-file", file.toString())
                .credentials(Map.of("NEUROMESH_PASSWORD", "not-this"));
        assertArrayEquals("from-file-pw".getBytes(StandardCharsets.UTF_8), fromFile.password());

        Credentials userFromEnv = parse().credentials(Map.of("NEUROMESH_USER", "eve", "NEUROMESH_PASSWORD", "eve-pw"));
        assertEquals("eve", userFromEnv.user());
        assertNull(parse().credentials(Map.of("NEUROMESH_PASSWORD", "no-user")), "no user: anonymous");
    }

    @Test
    void aUserWithoutAPasswordIsAUsageError() {
        assertEquals("--user alice needs a password: set $NEUROMESH_PASSWORD or pass --password-file FILE",
                assertThrows(UsageException.class, () -> parse("--user", "alice").credentials(Map.of()))
                        .getMessage());
        assertEquals("--password-file needs --user NAME (or $NEUROMESH_USER)", assertThrows(UsageException.class,
                () -> parse("--password-file", "x").credentials(Map.of())).getMessage());
    }
}
