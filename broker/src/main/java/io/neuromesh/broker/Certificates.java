package io.neuromesh.broker;

import io.neuromesh.broker.internal.tls.CertificateIssuer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A private certificate authority for a fleet's broker: {@link #init} creates the CA and a broker certificate
 * signed by it, as PEM files in a {@link TlsFiles} folder. The keys are ECDSA P-256; the private keys are written
 * readable by their owner only (mode 0600 where the file system has POSIX permissions).
 *
 * <p>Stateless and thread-safe; {@link #init} does blocking file I/O.
 *
 * @since 0.1
 */
public final class Certificates {

    /** How long a broker certificate is valid when no validity is given: 825 days, about 27 months. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(825);
    /** How long the CA's own certificate is valid: ten years, or the broker certificate's validity if longer. */
    public static final Duration CA_VALIDITY = Duration.ofDays(3650);

    /**
     * What {@link #init} created.
     *
     * @param files    the folder and its files
     * @param names    the host names and IP addresses the broker certificate is valid for
     * @param notAfter when the broker certificate expires
     */
    public record Issued(TlsFiles files, List<String> names, Instant notAfter) {
        public Issued {
            names = List.copyOf(names);
        }
    }

    private Certificates() {
    }

    /**
     * The names every broker certificate gets: {@code localhost}, {@code 127.0.0.1}, this machine's host name and,
     * for a name without a domain, the same name under {@code .local} (how mDNS finds a Raspberry Pi on a LAN).
     *
     * @return the names, without duplicates
     */
    public static List<String> defaultNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
        try {
            String host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            names.add(host);
            if (!host.contains(".") && !host.contains(":")) {
                names.add(host + ".local");
            }
        } catch (UnknownHostException e) {
            // A machine that cannot name itself still gets loopback names; --host adds the others.
        }
        return List.copyOf(names);
    }

    /**
     * Creates a new CA and a broker certificate for {@code names}, signed by it, in {@code files}'s folder (created
     * if missing).
     *
     * @param files    where to write
     * @param names    host names and IP addresses (v4 or v6) clients use to reach the broker, at least one; the
     *                 first is the certificate's common name
     * @param validity how long the broker certificate is valid, at least one day
     * @param replace  whether an existing CA may be replaced; every client must then get the new {@code ca.crt}
     * @return what was written
     * @throws IllegalArgumentException when a name is neither a host name nor an IP address, the validity is out of
     *                                  range, or a CA exists and {@code replace} is false (the message says so)
     * @throws BrokerException          when a file cannot be written
     */
    public static Issued init(TlsFiles files, List<String> names, Duration validity, boolean replace) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(names));
        return CertificateIssuer.issue(files, unique, validity, replace);
    }
}
