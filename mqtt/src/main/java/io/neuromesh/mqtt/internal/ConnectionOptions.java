package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.SessionMode;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import javax.net.SocketFactory;

/**
 * Paho's connection options for a {@link LinkConfig}. Paho's automatic reconnect stays off ({@link Reconnector} does
 * it), and the socket factory sets TCP_NODELAY (and, for {@code ssl://}, trusts the configured CAs).
 */
final class ConnectionOptions {

    private ConnectionOptions() {
    }

    /** The socket factory of a link: one per link, so that its TLS sessions can be resumed on reconnect. */
    static SocketFactory sockets(LinkConfig config) {
        return config.overTls() ? TlsSocketFactory.of(config.tls()) : new NoDelaySocketFactory();
    }

    /**
     * @param sockets the link's {@link #sockets(LinkConfig)}
     */
    static MqttConnectionOptions of(LinkConfig config, SocketFactory sockets) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setServerURIs(new String[] {config.broker().toString()});
        options.setCleanStart(config.session() == SessionMode.CLEAN);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setKeepAliveInterval((int) Math.max(1, config.keepAlive().toSeconds()));
        options.setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
        options.setAutomaticReconnect(false);
        options.setReceiveMaximum(config.receiveMaximum());
        options.setSocketFactory(sockets);
        // Paho's own check of the broker's name, on top of the factory's (which also covers SessionWiper).
        options.setHttpsHostnameVerificationEnabled(true);
        if (config.credentials() != null) {
            options.setUserName(config.credentials().user());
            options.setPassword(config.credentials().password());
        }
        if (config.will() != null) {
            MqttMessage will = new MqttMessage(config.will().payload(), config.will().qos().level(),
                    config.will().retained(), new MqttProperties());
            options.setWill(config.will().topic(), will);
        }
        return options;
    }
}
