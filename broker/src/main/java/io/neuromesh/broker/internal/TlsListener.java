package io.neuromesh.broker.internal;

import io.neuromesh.broker.TlsFiles;

import java.util.Objects;

/**
 * The broker's MQTT-over-TLS listener.
 *
 * @param port  0–65535; 0 means "pick a free port at start"
 * @param files the broker's certificate and key
 */
public record TlsListener(int port, TlsFiles files) {

    public TlsListener {
        Objects.requireNonNull(files, "tls files: must not be null");
        if (port < 0 || port > BrokerConfig.MAX_PORT) {
            throw new IllegalArgumentException("tls port: must be between 0 and " + BrokerConfig.MAX_PORT + ", got "
                    + port);
        }
    }
}
