package io.neuromesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TLS options as a user meets them, in-process: certs init, and the usage errors of --ca and --port 0. */
class TlsOptionsTest {

    @TempDir
    Path dir;

    @Test
    void certsInitWritesTheFilesAndSaysWhereCaCrtIsThenRefusesToReplaceTheCa() throws Exception {
        MainTest.Run first = MainTest.run("certs", "init", "--data", dir.toString(), "--host", "hub.local", "--days", "30");
        assertEquals(0, first.code(), first.err());
        Path tls = dir.resolve("tls");
        assertTrue(first.out().contains("--ca " + tls.resolve("ca.crt")), first.out());
        assertTrue(first.out().contains("broker.crt  valid for localhost, 127.0.0.1, "), first.out());
        assertTrue(first.out().contains("hub.local until "), first.out());
        assertTrue(Files.isRegularFile(tls.resolve("broker.key")));

        MainTest.Run second = MainTest.run("certs", "init", "--data", dir.toString());
        assertEquals(1, second.code());
        assertEquals("neuromesh certs: a CA already exists in " + tls + " (ca.crt, ca.key); replacing it means every client needs"
                + " the new ca.crt; --force replaces it", second.err().strip());

        assertEquals(0, MainTest.run("certs", "init", "--data", dir.toString(), "--force").code());
    }

    @Test
    void certsInitRefusesAHostThatIsNoHostName() {
        MainTest.Run run = MainTest.run("certs", "init", "--data", dir.toString(), "--host", "my pi");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("neuromesh certs init: --host 'my pi': not a host name"), run.err());
    }

    @Test
    void caNeedsAnSslBrokerAndAFileThatIsThere() {
        MainTest.Run plain = MainTest.run("nodes", "--broker", "tcp://127.0.0.1:1", "--ca", dir.resolve("x").toString());
        assertEquals(2, plain.code());
        assertTrue(plain.err().startsWith("neuromesh nodes: --ca needs an ssl:// broker address, got tcp://127.0.0.1:1"),
                plain.err());

        MainTest.Run missing = MainTest.run("nodes", "--broker", "ssl://127.0.0.1:1", "--ca", dir.resolve("x").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("neuromesh nodes: --ca: no such file " + dir.resolve("x")), missing.err());
    }

    @Test
    void brokerPortZeroNeedsATlsPort() {
        MainTest.Run run = MainTest.run("broker", "--port", "0", "--in-memory");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("neuromesh broker: --port 0 switches the plain listener off; give --tls-port for the"
                + " TLS one"), run.err());
    }
}
