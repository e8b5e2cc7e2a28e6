package io.neuromesh.mqtt.internal;

import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Paho's exceptions, as Paho 1.2.5 throws them, become plain causes. */
class PahoFailuresTest {

    private static String describe(int code, Throwable cause) {
        return PahoFailures.describe(cause == null ? new MqttException(code) : new MqttException(code, cause));
    }

    @Test
    void networkCausesComeFirst() {
        assertEquals("connection refused", describe(0, new ConnectException("Connection refused")));
        assertEquals("timed out", describe(0, new ConnectException("Connection timed out")));
        assertEquals("unknown host broker.lan", describe(0, new UnknownHostException("broker.lan")));
        assertEquals("timed out", describe(0, new SocketTimeoutException("connect timed out")));
        assertEquals("TLS failure: PKIX path building failed",
                describe(0, new SSLHandshakeException("PKIX path building failed")));
        assertEquals("connection lost: the broker closed the connection",
                describe(MqttClientException.REASON_CODE_CONNECTION_LOST, new EOFException()));
        assertEquals("connection lost: connection reset",
                describe(MqttClientException.REASON_CODE_CONNECTION_LOST, new SocketException("Connection reset")));
    }

    @Test
    void reasonCodesSayWhatTheBrokerOrClientMeant() {
        assertEquals("timed out", describe(MqttClientException.REASON_CODE_CLIENT_TIMEOUT, null));
        assertEquals("not authorized", describe(MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED, null));
        assertEquals("not authorized: bad user name or password",
                describe(MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD, null));
        assertEquals("the broker is unavailable", describe(MqttReturnCode.RETURN_CODE_SERVER_UNAVAILABLE, null));
        assertEquals("connection lost", describe(MqttClientException.REASON_CODE_CONNECTION_LOST, null));
    }

    @Test
    void anythingElseKeepsPahosTextButNeverItsUntranslatedPlaceholder() {
        assertEquals("MQTT error 0: boom", describe(0, new IllegalStateException("boom")));
        assertEquals("the broker disconnected us (reason 142: session taken over by another client): bye",
                PahoFailures.disconnect(142, "bye"));
        assertEquals("the broker disconnected us (reason 4)", PahoFailures.disconnect(4, null));
    }
}
