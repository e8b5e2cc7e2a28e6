package io.neuromesh.broker.internal.tls;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.TlsFiles;
import org.tinylog.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The keystore HiveMQ's TLS listener reads, made from the PEM files of a {@link TlsFiles} folder at every broker
 * start: HiveMQ CE takes only a keystore, while the PEM files are what {@code certs init}, OpenSSL and Mosquitto use.
 * It gets a new random password each time (HiveMQ reads it from the generated {@code config.xml}) and is readable by
 * its owner only, as the PEM key is.
 *
 * @param path     the PKCS#12 file
 * @param password its password, also the key's
 */
public record ListenerKeystore(Path path, String password) {

    /** The keystore's file name in the broker's {@code conf} folder. */
    public static final String FILE = "neuromesh-tls.p12";
    /** A certificate this close to its end is worth a warning at every start. */
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private static final String ALIAS = "neuromesh-broker";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Reads and checks the broker's certificate and key, and writes the keystore.
     *
     * @param files the PEM files
     * @param conf  the broker's {@code conf} folder
     * @throws BrokerException saying what is wrong: a missing file (and how to create it), an expired certificate,
     *                         a key that does not belong to the certificate
     */
    public static ListenerKeystore write(TlsFiles files, Path conf) {
        for (Path needed : List.of(files.certificate(), files.key())) {
            if (!Files.isRegularFile(needed)) {
                throw new BrokerException("no TLS certificate for the broker: " + needed + " is missing; create the"
                        + " CA and certificate with `neuromesh certs init --data " + files.dir().getParent() + "`");
            }
        }
        try {
            List<X509Certificate> chain = PemFiles.readCertificates(files.certificate());
            PrivateKey key = PemFiles.readKey(files.key());
            checkValidity(files.certificate(), chain.getFirst());
            checkPair(files, chain.getFirst(), key);
            String password = newPassword();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load((InputStream) null, null);
            store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(X509Certificate[]::new));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password.toCharArray());
            Path path = conf.resolve(FILE);
            PemFiles.writeSecret(path, bytes.toByteArray());
            return new ListenerKeystore(path, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new BrokerException("cannot use the broker's TLS files in " + files.dir() + ": " + e.getMessage(), e);
        }
    }

    private static void checkValidity(Path file, X509Certificate certificate) {
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException e) {
            throw new BrokerException("the broker certificate " + file + " expired on "
                    + certificate.getNotAfter().toInstant() + "; make a new one with `neuromesh certs init --force`");
        } catch (CertificateNotYetValidException e) {
            throw new BrokerException("the broker certificate " + file + " is valid only from "
                    + certificate.getNotBefore().toInstant() + ": is this machine's clock right?");
        }
        Instant end = certificate.getNotAfter().toInstant();
        if (Instant.now().plus(EXPIRY_WARNING).isAfter(end)) {
            Logger.warn("The broker certificate {} expires on {}; make a new one with `neuromesh certs init --force`",
                    file, end);
        }
    }

    /** A key from another certificate would make every handshake fail with an obscure error; say it at start. */
    private static void checkPair(TlsFiles files, X509Certificate certificate, PrivateKey key)
            throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        byte[] probe = "neuromesh".getBytes(StandardCharsets.US_ASCII);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            matches = verifier.verify(signer.sign());
        } catch (java.security.InvalidKeyException mixedAlgorithms) {
            matches = false;
        }
        if (!matches) {
            throw new BrokerException(files.key() + " is not the key of " + files.certificate()
                    + "; make both anew with `neuromesh certs init --force`");
        }
    }

    private static String newPassword() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
