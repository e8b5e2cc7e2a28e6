package io.neuromesh.broker.internal.tls;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.Certificates;
import io.neuromesh.broker.TlsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ListenerKeystoreTest {

    @TempDir
    Path dir;

    @Test
    void holdsTheBrokerKeyUnderAFreshPasswordAndLoadsAsHiveMqLoadsIt() throws Exception {
        TlsFiles files = TlsFiles.in(dir.resolve("broker"));
        Certificates.init(files, List.of("localhost"), Duration.ofDays(1), false);

        ListenerKeystore first = ListenerKeystore.write(files, dir);
        ListenerKeystore second = ListenerKeystore.write(files, dir);

        assertNotEquals(first.password(), second.password());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second.path())));
        // HiveMQ CE opens every keystore as type JKS; the JDK's JKS keystore reads PKCS#12 files too.
        KeyStore store = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(second.path())) {
            store.load(in, second.password().toCharArray());
        }
        String alias = store.aliases().nextElement();
        assertNotNull(store.getKey(alias, second.password().toCharArray()));
        assertEquals(PemFiles.readCertificates(files.certificate()).getFirst(), store.getCertificate(alias));
    }

    @Test
    void aMissingCertificateNamesCertsInit() {
        TlsFiles files = TlsFiles.in(dir.resolve("broker"));

        BrokerException e = assertThrows(BrokerException.class, () -> ListenerKeystore.write(files, dir));

        assertEquals("no TLS certificate for the broker: " + files.certificate() + " is missing; create the CA and"
                + " certificate with `neuromesh certs init --data " + dir.resolve("broker") + "`", e.getMessage());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedAtOnce() throws Exception {
        TlsFiles files = TlsFiles.in(dir.resolve("a"));
        TlsFiles other = TlsFiles.in(dir.resolve("b"));
        Certificates.init(files, List.of("localhost"), Duration.ofDays(1), false);
        Certificates.init(other, List.of("localhost"), Duration.ofDays(1), false);
        Files.copy(other.key(), files.key(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        BrokerException e = assertThrows(BrokerException.class, () -> ListenerKeystore.write(files, dir));

        assertEquals(files.key() + " is not the key of " + files.certificate()
                + "; make both anew with `neuromesh certs init --force`", e.getMessage());
    }
}
