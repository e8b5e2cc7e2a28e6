package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.LinkConfig;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The one place where Paho's exceptions become plain causes a user can act on ({@code connection refused},
 * {@code unknown host broker.lan}, {@code timed out}, {@code not authorized}, {@code the broker's certificate is not signed by a CA you trust}). Paho's own
 * text rarely says why ({@code Untranslated MqttException - RC: 0}, {@code Connection lost}). Stateless.
 */
final class PahoFailures {

    /** A broker certificate that chains to no trusted CA. */
    static final String UNTRUSTED = "the broker's certificate is not signed by a CA you trust";
    /** A broker certificate that does not name the host connected to; the host follows. */
    static final String WRONG_NAME = "the broker's certificate is not valid for the host";

    private PahoFailures() {
    }

    /** The plain cause of {@code e}: the network cause when there is one, else the broker's reason code. */
    static String describe(MqttException e) {
        String network = networkCause(e.getCause());
        if (network != null) {
            return e.getReasonCode() == MqttClientException.REASON_CODE_CONNECTION_LOST ? "connection lost: " + network
                    : network;
        }
        String code = reasonCode(e.getReasonCode());
        if (code != null) {
            return code;
        }
        String text = e.getMessage() == null || e.getMessage().startsWith("Untranslated")
                ? "MQTT error " + e.getReasonCode() : e.getMessage();
        Throwable cause = e.getCause();
        return cause == null ? text
                : text + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    /** Whether the broker refused the connection for its credentials (bad user name or password, not authorized). */
    static boolean refusedLogin(MqttException e) {
        int code = e.getReasonCode();
        return code == MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD
                || code == MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED;
    }

    /**
     * A refused login in words, naming the user (never the password): {@code the broker refused the user 'alice':
     * bad user name or password}, or, without credentials, that the broker wants them.
     */
    static String login(LinkConfig config, MqttException e) {
        // Mosquitto answers a wrong password or an unknown user with "not authorized", not "bad user name or
        // password": say what it may mean.
        String why = e.getReasonCode() == MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD
                ? "bad user name or password" : config.credentials() == null ? "not authorized"
                : "not authorized (a wrong password, an unknown user, or a client id this user may not use)";
        if (config.credentials() == null) {
            return "the broker at " + config.broker() + " refused an anonymous connection (" + why
                    + "): it needs a user name and password (--user NAME, the password in NEUROMESH_PASSWORD or"
                    + " --password-file FILE)";
        }
        return "the broker refused the user '" + config.credentials().user() + "': " + why;
    }

    /** Why the broker sent DISCONNECT, from its reason code and optional reason string. */
    static String disconnect(int code, String reasonString) {
        String known = reasonCode(code);
        String text = "the broker disconnected us (reason " + code + (known == null ? "" : ": " + known) + ")";
        return reasonString == null ? text : text + ": " + reasonString;
    }

    private static String networkCause(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            switch (t) {
                case UnknownHostException u -> {
                    return "unknown host " + u.getMessage();
                }
                case NoRouteToHostException n -> {
                    return "no route to host";
                }
                case ConnectException c -> {
                    String message = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
                    return message.contains("timed out") ? "timed out" : "connection refused";
                }
                case SocketTimeoutException s -> {
                    return "timed out";
                }
                case SSLException s -> {
                    return tls(s);
                }
                case EOFException eof -> {
                    return "the broker closed the connection";
                }
                case SocketException s -> {
                    return s.getMessage() == null ? "network error" : s.getMessage().toLowerCase(Locale.ROOT);
                }
                default -> {
                }
            }
        }
        return null;
    }

    /**
     * {@link #describe}, with what only the link's settings tell: which CAs it trusted, which host it named, and that
     * a plain connection closed at once may have reached a TLS port.
     */
    static String connectFailure(MqttException e, LinkConfig config) {
        String reason = describe(e);
        if (reason.equals(UNTRUSTED)) {
            return reason + " (trusted: " + config.tls().describe() + ")";
        }
        if (reason.startsWith(WRONG_NAME)) {
            return WRONG_NAME + " " + config.broker().getHost() + reason.substring(WRONG_NAME.length());
        }
        boolean closed = reason.contains("closed the connection") || reason.contains("connection reset")
                || reason.equals("connection lost");
        if (!config.overTls() && closed) {
            return reason + " (if that port serves MQTT over TLS, connect with ssl://)";
        }
        return reason;
    }

    /** A failed TLS handshake, by its cause; JSSE's own words only when it is none we know. */
    private static String tls(SSLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            switch (t) {
                case CertificateExpiredException expired -> {
                    return "the broker's certificate has expired (" + expired.getMessage() + ")";
                }
                case CertificateNotYetValidException early -> {
                    return "the broker's certificate is not valid yet (is this machine's clock right?)";
                }
                default -> {
                }
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || message.contains("unable to find valid certification path")) {
                return UNTRUSTED;
            }
            if (t instanceof CertificateException && message.startsWith("No ")) {
                // JSSE: "No subject alternative DNS name matching x found.", "No name matching x found".
                return WRONG_NAME + " (" + message.replaceFirst("\\.$", "") + ")";
            }
            if (message.contains("Unsupported or unrecognized SSL message")) {
                return "that port does not speak TLS (the plain MQTT port? connect with tcp://)";
            }
            if (t instanceof EOFException || message.contains("Remote host terminated the handshake")) {
                // HiveMQ drops a TLS hello on a plain listener without a word; so may other brokers.
                return "the broker closed the connection during the TLS handshake (the plain MQTT port? connect with"
                        + " tcp://)";
            }
        }
        return "TLS failure: " + e.getMessage();
    }

    /** Paho's own client codes (32xxx) and MQTT 5 reason codes (CONNACK, DISCONNECT); null when not one we word. */
    private static String reasonCode(int code) {
        return switch (code) {
            case MqttClientException.REASON_CODE_CLIENT_TIMEOUT, MqttClientException.REASON_CODE_WRITE_TIMEOUT ->
                    "timed out";
            case MqttClientException.REASON_CODE_CONNECTION_LOST -> "connection lost";
            case MqttClientException.REASON_CODE_SSL_CONFIG_ERROR -> "TLS failure: bad TLS configuration";
            case MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED ->
                    "not authorized";
            case MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD -> "not authorized: bad user name or password";
            case MqttReturnCode.RETURN_CODE_SERVER_UNAVAILABLE ->
                    "the broker is unavailable";
            case MqttReturnCode.RETURN_CODE_SERVER_BUSY -> "the broker is busy";
            case MqttReturnCode.RETURN_CODE_BANNED -> "banned by the broker";
            case MqttReturnCode.RETURN_CODE_IDENTIFIER_NOT_VALID ->
                    "the broker refused the client id";
            case MqttReturnCode.RETURN_CODE_SESSION_TAKEN_OVER -> "session taken over by another client";
            default -> null;
        };
    }
}
