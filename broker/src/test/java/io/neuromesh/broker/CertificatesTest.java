package io.neuromesh.broker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificatesTest {

    @TempDir
    Path dir;

    @Test
    void theBrokerCertificateNamesEveryHostAndChainsToTheCa() throws Exception {
        TlsFiles files = TlsFiles.in(dir);
        Certificates.Issued issued = Certificates.init(files,
                List.of("localhost", "127.0.0.1", "pi5.local", "192.168.1.20", "::1"), Duration.ofDays(30), false);

        X509Certificate ca = read(files.caCertificate());
        X509Certificate broker = read(files.certificate());
        Set<String> names = broker.getSubjectAlternativeNames().stream().map(name -> name.get(1).toString())
                .collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("localhost", "127.0.0.1", "pi5.local", "192.168.1.20")), names::toString);
        assertTrue(names.stream().anyMatch(name -> name.startsWith("0:0:0:0:0:0:0:1")), names::toString);
        assertEquals(List.of("localhost", "127.0.0.1", "pi5.local", "192.168.1.20", "::1"), issued.names());

        broker.verify(ca.getPublicKey());
        PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        pkix.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(broker)), pkix);

        assertEquals(0, ca.getBasicConstraints(), "a CA for server certificates only");
        assertEquals(-1, broker.getBasicConstraints(), "the broker certificate is no CA");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), broker.getExtendedKeyUsage(), "serverAuth");
    }

    @Test
    void theBrokerCertificateIsValidNowForTheGivenDaysAndTheCaForTenYears() throws Exception {
        TlsFiles files = TlsFiles.in(dir);
        Certificates.Issued issued = Certificates.init(files, List.of("localhost"), Duration.ofDays(90), false);

        X509Certificate broker = read(files.certificate());
        broker.checkValidity();
        Duration valid = Duration.between(broker.getNotBefore().toInstant(), broker.getNotAfter().toInstant());
        assertEquals(Duration.ofDays(90), valid);
        assertTrue(broker.getNotBefore().toInstant().isBefore(Instant.now()), "backdated for a clock running behind");
        assertEquals(broker.getNotAfter().toInstant(), issued.notAfter());
        X509Certificate ca = read(files.caCertificate());
        assertEquals(Certificates.CA_VALIDITY,
                Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant()));
    }

    @Test
    void privateKeysAreReadableByTheirOwnerOnly() throws Exception {
        TlsFiles files = TlsFiles.in(dir);
        Certificates.init(files, List.of("localhost"), Duration.ofDays(1), false);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.caKey())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.key())));
        assertTrue(Files.readString(files.key()).startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8 PEM");
        assertTrue(Files.isReadable(files.caCertificate()));
        try (var listing = Files.list(files.dir())) {
            assertEquals(Set.of("ca.crt", "ca.key", "broker.crt", "broker.key"),
                    listing.map(file -> file.getFileName().toString()).collect(Collectors.toSet()), "no stray temp files");
        }
    }

    @Test
    void refusesToReplaceACaUnlessAskedTo() throws Exception {
        TlsFiles files = TlsFiles.in(dir);
        Certificates.init(files, List.of("localhost"), Duration.ofDays(1), false);
        String ca = Files.readString(files.caCertificate());

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Certificates.init(files, List.of("localhost"), Duration.ofDays(1), false));
        assertEquals("a CA already exists in " + files.dir() + " (ca.crt, ca.key); replacing it means every client"
                + " needs the new ca.crt", refused.getMessage());
        assertEquals(ca, Files.readString(files.caCertificate()));

        Certificates.init(files, List.of("localhost"), Duration.ofDays(1), true);
        assertNotEquals(ca, Files.readString(files.caCertificate()));
    }

    @Test
    void rejectsWhatIsNeitherAHostNameNorAnIpAddress() {
        TlsFiles files = TlsFiles.in(dir);
        assertEquals("host 'my pi': not a host name (letters, digits, '-' and dots) or an IP address",
                assertThrows(IllegalArgumentException.class, () -> Certificates.init(files,
                        List.of("localhost", "my pi"), Duration.ofDays(1), false)).getMessage());
        assertEquals("validity: must be at least 1 day, got PT1H", assertThrows(IllegalArgumentException.class,
                () -> Certificates.init(files, List.of("localhost"), Duration.ofHours(1), false)).getMessage());
        assertTrue(Files.notExists(files.caCertificate()), "nothing written for a bad request");
    }

    @Test
    void defaultNamesAreLoopbackAndThisMachine() {
        List<String> names = Certificates.defaultNames();
        assertEquals(List.of("localhost", "127.0.0.1"), names.subList(0, 2));
        assertTrue(names.size() >= 3, "this machine's host name: " + names);
    }

    private static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
