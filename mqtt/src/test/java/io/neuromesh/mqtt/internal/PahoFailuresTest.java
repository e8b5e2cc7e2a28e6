package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.Credentials;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.PublishRefusedException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLException;
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
    void tlsHandshakeFailuresSayWhatIsWrongWithTheCertificateOrThePort() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertPathBuilderException("unable to find valid certification path to requested target"));
        assertEquals("the broker's certificate is not signed by a CA you trust", describe(0, untrusted));

        SSLHandshakeException misnamed = new SSLHandshakeException("No name");
        misnamed.initCause(new CertificateException("No subject alternative DNS name matching pi5 found."));
        assertEquals("the broker's certificate is not valid for the host (No subject alternative DNS name matching"
                + " pi5 found)", describe(0, misnamed));

        SSLHandshakeException expired = new SSLHandshakeException("expired");
        expired.initCause(new CertificateExpiredException("NotAfter: Mon Jan 01 00:00:00 UTC 2024"));
        assertEquals("the broker's certificate has expired (NotAfter: Mon Jan 01 00:00:00 UTC 2024)",
                describe(0, expired));

        assertEquals("that port does not speak TLS (the plain MQTT port? connect with tcp://)",
                describe(0, new SSLException("Unsupported or unrecognized SSL message")));
        SSLHandshakeException dropped = new SSLHandshakeException("Remote host terminated the handshake");
        dropped.initCause(new EOFException("SSL peer shut down incorrectly"));
        assertEquals("the broker closed the connection during the TLS handshake (the plain MQTT port? connect with"
                + " tcp://)", describe(0, dropped));
    }

    @Test
    void aConnectFailureAddsWhatTheLinkTrustedAndWhichHostItNamed() {
        LinkConfig tls = MqttLink.builder().clientId("c").broker("ssl://pi5.local:8883").config();
        LinkConfig plain = MqttLink.builder().clientId("c").broker("tcp://pi5.local:8883").config();
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX");
        untrusted.initCause(new CertPathBuilderException("unable to find valid certification path to requested target"));
        SSLHandshakeException misnamed = new SSLHandshakeException("No name");
        misnamed.initCause(new CertificateException("No name matching pi5.local found"));

        assertEquals("the broker's certificate is not signed by a CA you trust (trusted: the JVM's default CAs)",
                PahoFailures.connectFailure(new MqttException(0, untrusted), tls));
        assertEquals("the broker's certificate is not valid for the host pi5.local (No name matching pi5.local found)",
                PahoFailures.connectFailure(new MqttException(0, misnamed), tls));
        assertEquals("the broker closed the connection (if that port serves MQTT over TLS, connect with ssl://)",
                PahoFailures.connectFailure(new MqttException(0, new EOFException()), plain));
        assertEquals("the broker closed the connection",
                PahoFailures.connectFailure(new MqttException(0, new EOFException()), tls));
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
    void aRefusedLoginNamesTheUserAndWhatNotAuthorizedMayMean() {
        LinkConfig alice = MqttLink.builder().clientId("c").broker("tcp://pi5.local:1883")
                .credentials(Credentials.of("alice", "pw".toCharArray())).config();
        assertEquals("the broker refused the user 'alice': bad user name or password", PahoFailures.login(alice,
                new MqttException(MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD)));
        // Mosquitto's answer to a wrong password.
        assertEquals("the broker refused the user 'alice': not authorized (a wrong password, an unknown user, or a"
                + " client id this user may not use)", PahoFailures.login(alice,
                new MqttException(MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED)));
    }

    @Test
    void aRefusedPublishWithoutAReasonStringSaysWhatItsCodeMeans() {
        assertEquals("the broker refused the publish to t: not authorized (reason code 0x87)",
                new PublishRefusedException("t", 0x87, null).getMessage());
        assertEquals("the broker refused the publish to t: no reason given (reason code 0x80)",
                new PublishRefusedException("t", 0x80, "").getMessage());
        assertEquals("the broker refused the publish to t: rev 3 is older (reason code 0x83)",
                new PublishRefusedException("t", 0x83, "rev 3 is older").getMessage());
    }

    @Test
    void anythingElseKeepsPahosTextButNeverItsUntranslatedPlaceholder() {
        assertEquals("MQTT error 0: boom", describe(0, new IllegalStateException("boom")));
        assertEquals("the broker disconnected us (reason 142: session taken over by another client): bye",
                PahoFailures.disconnect(142, "bye"));
        assertEquals("the broker disconnected us (reason 4)", PahoFailures.disconnect(4, null));
    }
}
