package io.neuromesh.mqtt.internal;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * Paho's callback, run on Paho's single callback thread. Each callback only hands over to the part that owns it:
 * Paho 1.2.5 deadlocks when a callback publishes or subscribes, and delays every later message when one blocks.
 */
final class PahoCallbacks implements MqttCallback {

    private final String name;
    private final Receiver receiver;
    private final Reconnector reconnector;

    PahoCallbacks(String name, Receiver receiver, Reconnector reconnector) {
        this.name = name;
        this.receiver = receiver;
        this.reconnector = reconnector;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        receiver.arrived(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Publisher counts completions with its action listener, which also sees the publishes that failed.
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        reconnector.disconnected(response);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // The follow-up (resubscribe, flush) runs on the control thread in Reconnector; nothing may block here.
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        Logger.warn("{}: protocol error: {}", name, PahoFailures.describe(exception));
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        Logger.debug("{}: AUTH packet {} ignored", name, reasonCode);
    }
}
