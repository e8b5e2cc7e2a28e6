package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.Tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

/**
 * TLS client sockets for one {@link Tls} trust: they trust only its CAs (or the JVM's default ones), check that the
 * broker's certificate names the host connected to (the HTTPS rules: DNS names and IP addresses in the subject
 * alternative names), and set TCP_NODELAY (see {@link NoDelaySocketFactory}). Paho takes it as its socket factory
 * for {@code ssl://}; it must be an {@link SSLSocketFactory} there.
 */
final class TlsSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;

    private TlsSocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /**
     * @throws MqttLinkException when the JVM cannot set up TLS with these CAs (no TLS provider, a broken certificate)
     */
    static TlsSocketFactory of(Tls tls) {
        try {
            if (tls.authorities().isEmpty()) {
                return new TlsSocketFactory(SSLContext.getDefault().getSocketFactory());
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load((InputStream) null, null);
            int n = 0;
            for (X509Certificate authority : tls.authorities()) {
                trusted.setCertificateEntry("ca-" + n++, authority);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new TlsSocketFactory(context.getSocketFactory());
        } catch (GeneralSecurityException | IOException e) {
            throw new MqttLinkException("cannot set up TLS trusting " + tls.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return configure(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return configure(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return configure(delegate.createSocket(address, port, localAddress, localPort));
    }

    private static Socket configure(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        // The JDK checks the host name only when asked; the host is the one the socket connects to.
        SSLSocket tlsSocket = (SSLSocket) socket;
        SSLParameters parameters = tlsSocket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tlsSocket.setSSLParameters(parameters);
        return socket;
    }
}
