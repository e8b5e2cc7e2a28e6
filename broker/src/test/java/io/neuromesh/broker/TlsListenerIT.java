package io.neuromesh.broker;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker's TLS listener, with the certificate {@link Certificates#init} made, and Paho as the client. */
@Timeout(90)
class TlsListenerIT {

    @TempDir
    Path dir;

    @Test
    void aTlsOnlyBrokerServesClientsThatTrustItsCaAndNoPlainOnes() throws Exception {
        TlsFiles files = TlsFiles.in(dir);
        Certificates.init(files, List.of("localhost", "127.0.0.1"), Duration.ofDays(1), false);
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).plainListener(false).tls(0, files)
                .persistence(Persistence.IN_MEMORY).build()) {
            broker.start();
            assertTrue(broker.tlsUri().startsWith("ssl://127.0.0.1:"), broker.tlsUri());
            assertThrows(IllegalStateException.class, broker::uri, "no plain listener");

            Inbox inbox = new Inbox();
            MqttClient subscriber = connect(broker.tlsUri(), "tls-sub", files, inbox);
            subscriber.subscribe("neuron/+/output", 1);
            MqttClient publisher = connect("ssl://localhost:" + broker.tlsPort(), "tls-pub", files, new Inbox());
            publisher.publish("neuron/z/output", new MqttMessage("{\"value\":1}".getBytes(StandardCharsets.UTF_8)));
            Inbox.Received received = inbox.next();
            assertNotNull(received, "nothing came through the TLS listener");
            assertEquals("{\"value\":1}", received.payload());

            MqttClient plain = new MqttClient("tcp://127.0.0.1:" + broker.tlsPort(), "plain", new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setConnectionTimeout(5);
            assertThrows(MqttException.class, () -> plain.connect(options), "plain MQTT on the TLS port");
            assertFalse(plain.isConnected());
            plain.close();
            for (MqttClient client : List.of(subscriber, publisher)) {
                client.disconnect();
                client.close();
            }
        }
    }

    @Test
    void aBrokerWithoutItsCertificateSaysToRunCertsInit() {
        TlsFiles files = TlsFiles.in(dir);
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).tls(0, files)
                .persistence(Persistence.IN_MEMORY).build()) {
            BrokerException e = assertThrows(BrokerException.class, broker::start);
            assertTrue(e.getMessage().contains(files.certificate() + " is missing")
                    && e.getMessage().contains("neuromesh certs init"), e.getMessage());
            assertFalse(broker.isRunning());
        }
    }

    @Test
    void aBrokerWithNoListenerIsRefusedWhenBuilt() {
        assertEquals("listeners: the plain listener is off and there is no TLS listener; the broker would accept no"
                + " client", assertThrows(IllegalArgumentException.class, () -> EmbeddedBroker.builder()
                .plainListener(false).persistence(Persistence.IN_MEMORY).build()).getMessage());
    }

    private static MqttClient connect(String uri, String id, TlsFiles files, Inbox inbox) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(files.caCertificate())) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(context.getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        MqttClient client = new MqttClient(uri, id, new MemoryPersistence());
        client.setCallback(inbox);
        client.connect(options);
        return client;
    }
}
