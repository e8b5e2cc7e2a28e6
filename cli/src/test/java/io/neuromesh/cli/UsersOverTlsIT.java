package io.neuromesh.cli;

import io.neuromesh.broker.Certificates;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.broker.Role;
import io.neuromesh.broker.TlsFiles;
import io.neuromesh.broker.UserFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Users and TLS together, in-process against a broker with users and only a TLS listener: a command given
 * {@code --broker ssl://... --ca} and {@code --user} gets both on its link; the same command without the user is
 * refused by the broker, and without the CA by its own certificate check.
 */
@Timeout(120)
class UsersOverTlsIT {

    @TempDir
    Path data;

    @Test
    void aCommandLogsInOverTlsWithItsUserAndItsCa() throws Exception {
        TlsFiles files = TlsFiles.in(data);
        Certificates.init(files, List.of("localhost"), Duration.ofDays(1), false);
        UserFile.in(data).add("alice", Role.OPERATOR, "alice-password".toCharArray());
        Path password = Files.writeString(data.resolve("password"), "alice-password\n");
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).plainListener(false).tls(0, files)
                .userFile(UserFile.in(data).path()).persistence(Persistence.IN_MEMORY).build()) {
            broker.start();
            String uri = "ssl://localhost:" + broker.tlsPort();
            String ca = files.caCertificate().toString();

            MainTest.Run both = MainTest.run("nodes", "--broker", uri, "--ca", ca, "--user", "alice",
                    "--password-file", password.toString());
            assertEquals(0, both.code(), both.err());
            assertTrue(both.out().contains("no node has published a status on " + uri), both.out());

            MainTest.Run anonymous = MainTest.run("nodes", "--broker", uri, "--ca", ca);
            assertEquals(1, anonymous.code(), anonymous.out());
            assertTrue(anonymous.err().contains("refused an anonymous connection"), anonymous.err());

            MainTest.Run untrusted = MainTest.run("nodes", "--broker", uri, "--user", "alice",
                    "--password-file", password.toString());
            assertEquals(1, untrusted.code(), untrusted.out());
            assertTrue(untrusted.err().contains("the broker's certificate is not signed by a CA you trust"),
                    untrusted.err());
        }
    }
}
