package io.neuromesh.mqtt;

import io.neuromesh.broker.Certificates;
import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.broker.Role;
import io.neuromesh.broker.TlsFiles;
import io.neuromesh.broker.UserFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links over TLS against the embedded broker's TLS listener (and its plain one): a link that trusts the broker's CA
 * and names one of its hosts works, persistent sessions included; every other case fails with words that say why.
 */
@Timeout(120)
class TlsLinkIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    static Path dir;
    private static TlsFiles files;
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        files = TlsFiles.in(dir.resolve("broker"));
        Certificates.init(files, List.of("localhost", "127.0.0.1"), Duration.ofDays(1), false);
        broker = EmbeddedBroker.builder().port(0).tls(0, files).persistence(Persistence.IN_MEMORY).build();
        broker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static LinkConfig.Builder link(String uri, String clientId) {
        return MqttLink.builder().broker(uri).clientId(clientId).startTimeout(START_TIMEOUT);
    }

    @Test
    void aLinkTrustingTheBrokersCaPublishesAndReceivesOverTls() {
        Tls tls = Tls.trustingCa(files.caCertificate());
        String uri = "ssl://localhost:" + broker.tlsPort();
        List<String> got = new CopyOnWriteArrayList<>();
        // A fresh-then-persistent session wipes the old one on its own socket first: over TLS too.
        try (MqttLink receiver = link(uri, "tls-receiver").tls(tls)
                .session(SessionMode.FRESH_THEN_PERSISTENT, Duration.ofMinutes(1)).build();
             MqttLink sender = link(uri, "tls-sender").tls(tls).build()) {
            receiver.start();
            sender.start();
            receiver.subscribe(Subscription.of("neuron/+/output"),
                    m -> got.add(new String(m.payload(), StandardCharsets.UTF_8)));
            sender.publish("neuron/z/output", "{\"value\":1}".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE,
                    false);
            await().atMost(Duration.ofSeconds(10)).until(() -> got.contains("{\"value\":1}"));
        }
    }

    @Test
    void aUserLogsInOverTlsAndAWrongPasswordIsRefusedAtOnce() {
        Path data = dir.resolve("secured");
        UserFile.in(data).add("n1", Role.NODE, "n1-password".toCharArray());
        try (EmbeddedBroker secured = EmbeddedBroker.builder().port(0).plainListener(false).tls(0, files)
                .userFile(UserFile.in(data).path()).persistence(Persistence.IN_MEMORY).build()) {
            secured.start();
            String uri = "ssl://localhost:" + secured.tlsPort();
            Tls tls = Tls.trustingCa(files.caCertificate());
            // The session wipe of a fresh-then-persistent link logs in on its own TLS socket before Paho does.
            try (MqttLink node = link(uri, "neuromesh-node-n1").tls(tls)
                    .credentials(Credentials.of("n1", "n1-password".toCharArray()))
                    .session(SessionMode.FRESH_THEN_PERSISTENT, Duration.ofMinutes(1)).build()) {
                node.start();
                assertEquals(LinkState.CONNECTED, node.state());
            }
            MqttLink wrong = link(uri, "wrong-password").tls(tls)
                    .credentials(Credentials.of("n1", "guess".toCharArray())).build();

            LoginRefusedException e = assertThrows(LoginRefusedException.class, wrong::start);

            assertTrue(e.getMessage().endsWith("the broker refused the user 'n1': bad user name or password"),
                    e.getMessage());
        }
    }

    @Test
    void anotherCaIsRefusedNamingWhatTheLinkTrusted() {
        TlsFiles other = TlsFiles.in(dir.resolve("other"));
        Certificates.init(other, List.of("localhost"), Duration.ofDays(1), false);
        MqttLink link = link("ssl://localhost:" + broker.tlsPort(), "wrong-ca")
                .tls(Tls.trustingCa(other.caCertificate())).build();

        MqttLinkException e = assertThrows(MqttLinkException.class, link::start);

        assertTrue(e.getMessage().endsWith("the broker's certificate is not signed by a CA you trust (trusted: the CAs"
                + " in " + other.caCertificate() + ")"), e.getMessage());
    }

    @Test
    void theJvmsDefaultCasDoNotTrustAPrivateCa() {
        MqttLink link = link("ssl://localhost:" + broker.tlsPort(), "system-trust").build();

        MqttLinkException e = assertThrows(MqttLinkException.class, link::start);

        assertTrue(e.getMessage().endsWith("not signed by a CA you trust (trusted: the JVM's default CAs)"),
                e.getMessage());
    }

    @Test
    void aHostTheCertificateDoesNotNameIsRefused() {
        TlsFiles elsewhere = TlsFiles.in(dir.resolve("elsewhere"));
        Certificates.init(elsewhere, List.of("broker.example"), Duration.ofDays(1), false);
        try (EmbeddedBroker misnamed = EmbeddedBroker.builder().port(0).plainListener(false).tls(0, elsewhere)
                .persistence(Persistence.IN_MEMORY).build()) {
            misnamed.start();
            MqttLink link = link("ssl://localhost:" + misnamed.tlsPort(), "wrong-name")
                    .tls(Tls.trustingCa(elsewhere.caCertificate())).build();

            MqttLinkException e = assertThrows(MqttLinkException.class, link::start);

            assertTrue(e.getMessage().contains("the broker's certificate is not valid for the host localhost"),
                    e.getMessage());
        }
    }

    @Test
    void plainMqttOnTheTlsPortSuggestsSsl() {
        MqttLink link = link("tcp://127.0.0.1:" + broker.tlsPort(), "plain-on-tls").build();

        MqttLinkException e = assertThrows(MqttLinkException.class, link::start);

        assertTrue(e.getMessage().endsWith("(if that port serves MQTT over TLS, connect with ssl://)"), e.getMessage());
    }

    @Test
    void tlsOnThePlainPortSuggestsTcp() {
        MqttLink link = link("ssl://127.0.0.1:" + broker.port(), "tls-on-plain")
                .tls(Tls.trustingCa(files.caCertificate())).build();

        MqttLinkException e = assertThrows(MqttLinkException.class, link::start);

        assertTrue(e.getMessage().endsWith("(the plain MQTT port? connect with tcp://)"), e.getMessage());
    }

    @Test
    void aCaFileThatIsNotThereIsNamed() {
        assertEquals("ca: no such file " + dir.resolve("nothing.crt"), assertThrows(IllegalArgumentException.class,
                () -> Tls.trustingCa(dir.resolve("nothing.crt"))).getMessage());
    }
}
