package io.neuromesh.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a broker's TLS identity lives: one folder, by default {@code tls/} in the broker's data folder, holding
 * PEM files. {@link Certificates#init} writes them; the embedded broker's TLS listener reads
 * {@link #certificate()} and {@link #key()}; clients (and {@code mosquitto_sub --cafile}) trust
 * {@link #caCertificate()}. A Mosquitto {@code listener 8883} takes the same files as {@code cafile},
 * {@code certfile} and {@code keyfile}.
 *
 * @param dir the folder
 * @since 0.1
 */
public record TlsFiles(Path dir) {

    /** The folder's name inside a broker's data folder. */
    public static final String FOLDER = "tls";

    public TlsFiles {
        Objects.requireNonNull(dir, "dir: must name the folder of the TLS files");
        dir = dir.toAbsolutePath().normalize();
    }

    /**
     * @param brokerDataDir a broker's data folder, e.g. {@code ~/.neuromesh/broker}
     * @return the files in its {@value #FOLDER} folder
     */
    public static TlsFiles in(Path brokerDataDir) {
        return new TlsFiles(brokerDataDir.resolve(FOLDER));
    }

    /** @return {@code ca.crt}: the private CA's certificate, the one file clients need; public */
    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** @return {@code ca.key}: the private CA's key, readable by its owner only; signs broker certificates */
    public Path caKey() {
        return dir.resolve("ca.key");
    }

    /** @return {@code broker.crt}: the broker's certificate (or chain, leaf first); public */
    public Path certificate() {
        return dir.resolve("broker.crt");
    }

    /** @return {@code broker.key}: the broker's private key (PKCS#8 PEM), readable by its owner only */
    public Path key() {
        return dir.resolve("broker.key");
    }
}
