package io.neuromesh.broker.internal.tls;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.Certificates;
import io.neuromesh.broker.TlsFiles;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Issues a private CA and a broker certificate signed by it (BouncyCastle's certificate builders, the JDK's
 * ECDSA): the CA may sign server certificates only ({@code pathLen 0}); the broker certificate is for TLS servers
 * ({@code serverAuth}) and names its hosts in the subject alternative names, which clients check.
 */
public final class CertificateIssuer {

    private static final String SIGNATURE = "SHA256withECDSA";
    /** Certificates start this long before now: a Raspberry Pi has no clock battery and may run a little behind. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final Duration MIN_VALIDITY = Duration.ofDays(1);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DNS = Pattern.compile(
            "(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateIssuer() {
    }

    /** See {@link Certificates#init}; {@code names} has no duplicates. */
    public static Certificates.Issued issue(TlsFiles files, List<String> names, Duration validity, boolean replace) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names: give at least one host name or IP address");
        }
        List<GeneralName> alternatives = names.stream().map(CertificateIssuer::generalName).toList();
        if (validity == null || validity.compareTo(MIN_VALIDITY) < 0) {
            throw new IllegalArgumentException("validity: must be at least 1 day, got " + validity);
        }
        if (!replace && (Files.exists(files.caCertificate()) || Files.exists(files.caKey()))) {
            throw new IllegalStateException("a CA already exists in " + files.dir() + " (ca.crt, ca.key); replacing"
                    + " it means every client needs the new ca.crt");
        }
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
        Instant until = from.plus(validity);
        Instant caUntil = from.plus(validity.compareTo(Certificates.CA_VALIDITY) > 0 ? validity
                : Certificates.CA_VALIDITY);
        try {
            KeyPair caKeys = newKeyPair();
            KeyPair brokerKeys = newKeyPair();
            X500Name caName = name("Neuromesh private CA " + LocalDate.ofInstant(from, ZoneOffset.UTC) + " "
                    + Long.toHexString(RANDOM.nextLong() >>> 16));
            X509Certificate ca = caCertificate(caName, caKeys, from, caUntil);
            X509Certificate broker = brokerCertificate(ca, caKeys.getPrivate(), names.getFirst(), alternatives,
                    brokerKeys, from, until);
            Files.createDirectories(files.dir());
            PemFiles.writeKey(files.caKey(), caKeys.getPrivate());
            PemFiles.writeCertificates(files.caCertificate(), List.of(ca));
            PemFiles.writeKey(files.key(), brokerKeys.getPrivate());
            PemFiles.writeCertificates(files.certificate(), List.of(broker));
        } catch (IOException e) {
            throw new BrokerException("cannot write the TLS files in " + files.dir() + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new BrokerException("cannot create certificates: " + e.getMessage(), e);
        }
        return new Certificates.Issued(files, names, until);
    }

    private static X509Certificate caCertificate(X500Name name, KeyPair keys, Instant from, Instant until)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from),
                Date.from(until), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(builder, keys.getPrivate());
    }

    private static X509Certificate brokerCertificate(X509Certificate ca, PrivateKey caKey, String commonName,
                                                     List<GeneralName> alternatives, KeyPair keys, Instant from,
                                                     Instant until)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(from),
                Date.from(until), name(commonName), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(alternatives.toArray(GeneralName[]::new)))
                .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(builder, caKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder(SIGNATURE).build(key)));
    }

    /** A host name (DNS) or an IP address literal as a subject alternative name; throws for anything else. */
    static GeneralName generalName(String name) {
        String host = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (IPV4.matcher(host).matches() || host.contains(":")) {
            try {
                return new GeneralName(GeneralName.iPAddress, host.replaceAll("^\\[|]$", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("host '" + name + "': not a valid IP address");
            }
        }
        if (host.length() > 253 || !DNS.matcher(host).matches()) {
            throw new IllegalArgumentException("host '" + name + "': not a host name (letters, digits, '-' and"
                    + " dots) or an IP address");
        }
        return new GeneralName(GeneralName.dNSName, host);
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Neuromesh")
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /** A random positive 127-bit serial number, as RFC 5280 asks (unique, at most 20 bytes). */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }
}
