package io.neuromesh.broker.internal;

import io.neuromesh.broker.Persistence;
import io.neuromesh.broker.internal.tls.ListenerKeystore;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class HiveMqConfigXmlTest {

    private static final BrokerConfig CONFIG = new BrokerConfig(0, true, null, "0.0.0.0", Persistence.IN_MEMORY, null,
            1000, 32 * 1024 * 1024, Duration.ofSeconds(30), true, null);
    private static final Ports PLAIN = new Ports(41883, Ports.NONE);

    @Test
    void isValidAgainstTheSchemaShippedWithHiveMq() throws Exception {
        URL schema = com.hivemq.embedded.EmbeddedHiveMQ.class.getClassLoader().getResource("config.xsd");
        assertNotNull(schema, "config.xsd is not in the HiveMQ jar any more");

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schema).newValidator()
                .validate(new StreamSource(new StringReader(HiveMqConfigXml.render(CONFIG, PLAIN, null))));
    }

    @Test
    void listensOnTheGivenAddressAndPort() throws Exception {
        Document xml = parse(HiveMqConfigXml.render(CONFIG, PLAIN, null));

        assertEquals("41883", text(xml, "/hivemq/listeners/tcp-listener/port"));
        assertEquals("0.0.0.0", text(xml, "/hivemq/listeners/tcp-listener/bind-address"));
    }

    @Test
    void setsReceiveMaximumAndMaxPacketSize() throws Exception {
        Document xml = parse(HiveMqConfigXml.render(CONFIG, PLAIN, null));

        assertEquals("1000", text(xml, "/hivemq/mqtt/receive-maximum/server-receive-maximum"));
        assertEquals("33554432", text(xml, "/hivemq/mqtt/packets/max-packet-size"));
    }

    @Test
    void turnsUsageStatisticsOff() throws Exception {
        Document xml = parse(HiveMqConfigXml.render(CONFIG, PLAIN, null));

        assertEquals("false", text(xml, "/hivemq/anonymous-usage-statistics/enabled"));
    }

    @Test
    void keepsRetainedSharedAndWildcardSubscriptionsOn() throws Exception {
        Document xml = parse(HiveMqConfigXml.render(CONFIG, PLAIN, null));

        assertEquals("true", text(xml, "/hivemq/mqtt/retained-messages/enabled"));
        assertEquals("true", text(xml, "/hivemq/mqtt/shared-subscriptions/enabled"));
        assertEquals("true", text(xml, "/hivemq/mqtt/wildcard-subscriptions/enabled"));
    }

    @Test
    void mapsEachPersistenceToHiveMqsMode() throws Exception {
        BrokerConfig file = new BrokerConfig(0, true, null, "127.0.0.1", Persistence.FILE, Path.of("/tmp", "neuromesh-config"), 10,
                1024, Duration.ofSeconds(1), true, null);

        assertEquals("in-memory", text(parse(HiveMqConfigXml.render(CONFIG, new Ports(1, Ports.NONE), null)), "/hivemq/persistence/mode"));
        assertEquals("file", text(parse(HiveMqConfigXml.render(file, new Ports(1, Ports.NONE), null)), "/hivemq/persistence/mode"));
    }

    @Test
    void aTlsListenerIsValidAgainstTheSchemaAndReadsTheKeystore() throws Exception {
        URL schema = com.hivemq.embedded.EmbeddedHiveMQ.class.getClassLoader().getResource("config.xsd");
        ListenerKeystore keystore = new ListenerKeystore(Path.of("/data/conf/neuromesh-tls.p12"), "s3cr<t");
        String rendered = HiveMqConfigXml.render(CONFIG, new Ports(Ports.NONE, 8883), keystore);

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schema).newValidator()
                .validate(new StreamSource(new StringReader(rendered)));
        Document xml = parse(rendered);
        assertEquals("", text(xml, "/hivemq/listeners/tcp-listener/port"), "the plain listener is off");
        assertEquals("8883", text(xml, "/hivemq/listeners/tls-tcp-listener/port"));
        assertEquals("0.0.0.0", text(xml, "/hivemq/listeners/tls-tcp-listener/bind-address"));
        assertEquals("/data/conf/neuromesh-tls.p12", text(xml, "/hivemq/listeners/tls-tcp-listener/tls/keystore/path"));
        assertEquals("s3cr<t", text(xml, "/hivemq/listeners/tls-tcp-listener/tls/keystore/password"));
        assertEquals("NONE", text(xml, "/hivemq/listeners/tls-tcp-listener/tls/client-authentication-mode"));
    }

    @Test
    void bothListenersCanRunSideBySide() throws Exception {
        ListenerKeystore keystore = new ListenerKeystore(Path.of("/k.p12"), "p");
        Document xml = parse(HiveMqConfigXml.render(CONFIG, new Ports(1883, 8883), keystore));

        assertEquals("1883", text(xml, "/hivemq/listeners/tcp-listener/port"));
        assertEquals("8883", text(xml, "/hivemq/listeners/tls-tcp-listener/port"));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document xml, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, xml);
    }
}
