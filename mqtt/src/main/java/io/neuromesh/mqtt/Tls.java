package io.neuromesh.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which certificate authorities a link trusts on an {@code ssl://} connection: the JVM's default ones, or only those
 * in a PEM file (a private CA, such as the {@code ca.crt} that {@code neuromesh certs init} writes). Either way the
 * broker's certificate must also name the host the link connects to (host name verification is always on).
 *
 * <p>Immutable and thread-safe. {@link #trustingCa(Path)} reads the file once, when called.
 *
 * @since 0.1
 */
public final class Tls {

    private static final Tls SYSTEM = new Tls(null, List.of());

    private final Path caFile;
    private final List<X509Certificate> authorities;

    private Tls(Path caFile, List<X509Certificate> authorities) {
        this.caFile = caFile;
        this.authorities = authorities;
    }

    /** @return trust in the CAs of the JVM's default trust store (public CAs), as browsers do */
    public static Tls systemTrust() {
        return SYSTEM;
    }

    /**
     * Trust in the CAs of one PEM file, and in no other.
     *
     * @param caFile a file of one or more PEM ({@code -----BEGIN CERTIFICATE-----}) CA certificates
     * @return the trust; the certificates were read now
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate, naming the file
     */
    public static Tls trustingCa(Path caFile) {
        if (caFile == null) {
            throw new IllegalArgumentException("ca: must name a CA certificate file, got null");
        }
        List<X509Certificate> read = new ArrayList<>();
        try (InputStream in = Files.newInputStream(caFile)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                read.add((X509Certificate) certificate);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("ca: no such file " + caFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("ca: cannot read " + caFile + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("ca: " + caFile + " is not a PEM certificate file: " + e.getMessage(), e);
        }
        if (read.isEmpty()) {
            throw new IllegalArgumentException("ca: " + caFile + " holds no certificate (expected PEM, as"
                    + " -----BEGIN CERTIFICATE-----)");
        }
        return new Tls(caFile.toAbsolutePath().normalize(), List.copyOf(read));
    }

    /** @return the CA file trusted alone, or empty for the JVM's default trust store */
    public Optional<Path> caFile() {
        return Optional.ofNullable(caFile);
    }

    /** @return the CA certificates read from {@link #caFile()}; empty for the JVM's default trust store */
    public List<X509Certificate> authorities() {
        return authorities;
    }

    /** @return what is trusted, in words for messages: {@code the CAs in /x/ca.crt} */
    public String describe() {
        return caFile == null ? "the JVM's default CAs" : "the CAs in " + caFile;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tls tls && Objects.equals(caFile, tls.caFile)
                && authorities.equals(tls.authorities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caFile, authorities);
    }

    @Override
    public String toString() {
        return "Tls[" + describe() + "]";
    }
}
