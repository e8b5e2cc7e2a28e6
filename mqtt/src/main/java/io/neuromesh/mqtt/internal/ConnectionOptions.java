package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.SessionMode;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Paho's connection options for a {@link LinkConfig}. Paho's automatic reconnect stays off ({@link Reconnector} does
 * it), and the socket factory sets TCP_NODELAY.
 */
final class ConnectionOptions {

    private ConnectionOptions() {
    }

    static MqttConnectionOptions of(LinkConfig config) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setServerURIs(new String[] {config.broker().toString()});
        options.setCleanStart(config.session() == SessionMode.CLEAN);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setKeepAliveInterval((int) Math.max(1, config.keepAlive().toSeconds()));
        options.setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
        options.setAutomaticReconnect(false);
        options.setReceiveMaximum(config.receiveMaximum());
        options.setSocketFactory(new NoDelaySocketFactory());
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
