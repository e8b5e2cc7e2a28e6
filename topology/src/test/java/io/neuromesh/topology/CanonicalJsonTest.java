package io.neuromesh.topology;

import static io.neuromesh.topology.Docs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The canonical serializer and the content hash built on it. */
@Timeout(10)
class CanonicalJsonTest {

    private static final String EVERY_FIELD = """
            {"rev": 7, "name": "every field",
             "defaults": {"threshold": 0.5, "mode": "spike", "inputWindowMs": 250, "refractoryMs": 50},
             "nodes": [{"id": "n1", "labels": ["gpio", "camera"], "capacity": 100}, {"id": "n2"}],
             "sensors": [{"id": "virtual_s", "value": {"high": 2.5, "low": -1}},
                         {"id": "button", "node": "n1", "pin": 27, "pull": "up", "debounceMs": 20, "activeLow": true}],
             "neurons": [{"id": "a", "node": "n1"},
                         {"id": "b", "threshold": 1e-7, "mode": "level", "requires": ["gpio"]},
                         {"id": "c", "node": "n2", "inputWindowMs": 0, "refractoryMs": 86400000, "threshold": -0.0}],
             "synapses": [{"from": "button", "to": "a", "weight": 1}, {"from": "a", "to": "b", "weight": -2.25},
                          {"from": "b", "to": "b", "weight": 1e20}, {"from": "virtual_s", "to": "c", "weight": 0.1}],
             "actuators": [{"id": "led", "node": "n3", "pin": 22, "neuron": "a", "activeLow": true},
                           {"id": "lamp", "node": "n3", "pin": 18, "neuron": "c", "kind": "pwm", "frequencyHz": 500,
                            "dutyPercent": 40, "failSafe": "high", "failSafeAfterMs": 1000},
                           {"id": "relay", "node": "n3", "pin": 23, "neuron": "b", "failSafe": "hold"}]}
            """;

    @Test
    void writesEveryFieldExplicitlyInAFixedOrder() {
        assertEquals("{\"rev\":7,\"name\":\"every field\","
                + "\"defaults\":{\"threshold\":0.5,\"mode\":\"spike\",\"inputWindowMs\":250,\"refractoryMs\":50},"
                + "\"nodes\":[{\"id\":\"n1\",\"labels\":[\"gpio\",\"camera\"],\"capacity\":100},{\"id\":\"n2\",\"labels\":[]}],"
                + "\"sensors\":[{\"id\":\"virtual_s\",\"value\":{\"high\":2.5,\"low\":-1}},"
                + "{\"id\":\"button\",\"node\":\"n1\",\"pin\":27,\"pull\":\"up\",\"debounceMs\":20,\"activeLow\":true,"
                + "\"value\":{\"high\":1,\"low\":0}}],"
                + "\"neurons\":[{\"id\":\"a\",\"node\":\"n1\",\"threshold\":0.5,\"mode\":\"spike\",\"inputWindowMs\":250,"
                + "\"refractoryMs\":50,\"requires\":[]},"
                + "{\"id\":\"b\",\"threshold\":1.0E-7,\"mode\":\"level\",\"inputWindowMs\":250,\"refractoryMs\":50,"
                + "\"requires\":[\"gpio\"]},"
                + "{\"id\":\"c\",\"node\":\"n2\",\"threshold\":0,\"mode\":\"spike\",\"inputWindowMs\":0,"
                + "\"refractoryMs\":86400000,\"requires\":[]}],"
                + "\"synapses\":[{\"from\":\"button\",\"to\":\"a\",\"weight\":1},{\"from\":\"a\",\"to\":\"b\",\"weight\":-2.25},"
                + "{\"from\":\"b\",\"to\":\"b\",\"weight\":1.0E20},{\"from\":\"virtual_s\",\"to\":\"c\",\"weight\":0.1}],"
                + "\"actuators\":[{\"id\":\"led\",\"node\":\"n3\",\"pin\":22,\"neuron\":\"a\",\"kind\":\"digital\","
                + "\"activeLow\":true,\"failSafe\":\"low\",\"failSafeAfterMs\":5000},"
                + "{\"id\":\"lamp\",\"node\":\"n3\",\"pin\":18,\"neuron\":\"c\",\"kind\":\"pwm\",\"activeLow\":false,"
                + "\"frequencyHz\":500,\"dutyPercent\":40,\"failSafe\":\"high\",\"failSafeAfterMs\":1000},"
                + "{\"id\":\"relay\",\"node\":\"n3\",\"pin\":23,\"neuron\":\"b\",\"kind\":\"digital\","
                + "\"activeLow\":false,\"failSafe\":\"hold\"}]}", Topology.parse(EVERY_FIELD).toJson());
    }

    @Test
    void parsesItsOwnOutputBackToAnEqualTopology() {
        Topology topology = Topology.parse(EVERY_FIELD);
        Topology again = Topology.parse(topology.toJson());
        assertEquals(topology, again);
        assertEquals(topology.toJson(), again.toJson());
    }

    @Test
    void roundTripsATopologyBuiltInCode() {
        Topology topology = new Topology(3, null,
                new Defaults(OptionalDouble.empty(), NeuronMode.LEVEL, Duration.ofMillis(500), Duration.ofMillis(100)),
                List.of(new NodeSpec("n1", List.of("gpio"), OptionalInt.of(2))),
                List.of(SensorSpec.virtual("s"), new SensorSpec("b", GpioInput.of("n1", 4), new SensorValue(3, -3))),
                List.of(NeuronSpec.level("x", "n1", 0.3),
                        new NeuronSpec("y", null, 2, NeuronMode.SPIKE, Duration.ZERO, Duration.ofSeconds(1),
                                List.of("gpio"))),
                List.of(new SynapseSpec("s", "x", Math.PI), new SynapseSpec("x", "y", -1e-300)),
                List.of(new ActuatorSpec("m", "n1", 12, "y", ActuatorKind.PWM, false, PwmSettings.DEFAULT,
                        FailSafe.HIGH, Duration.ofMillis(250)),
                        ActuatorSpec.digital("r", "n1", 13, "x").withFailSafe(FailSafe.HOLD, null)));
        assertEquals(topology, Topology.parse(topology.toJson()));
    }

    @Test
    void hashesTheSameForAnotherFieldOrderAndLayout() {
        Topology compact = parse("{'rev':1,'neurons':[{'id':'a','threshold':1,'node':'n1'}],"
                + "'synapses':[{'from':'a','to':'a','weight':1}]}");
        Topology shuffled = parse("""
                {
                  'synapses': [ { 'weight': 1.0, 'to': 'a', 'from': 'a' } ],
                  'neurons':  [ { 'node': 'n1', 'threshold': 1, 'id': 'a' } ],
                  'rev': 1
                }
                """);
        assertEquals(compact.contentHash(), shuffled.contentHash());
        assertEquals(compact, shuffled);
    }

    @Test
    void hashesTheSameWhenDefaultsAreSpelledOut() {
        Topology implicit = parse("{'rev':1,'defaults':{'threshold':0.9},'neurons':[{'id':'a'}]}");
        Topology explicit = parse("{'rev':1,'defaults':{'threshold':0.9,'mode':'level','inputWindowMs':500,"
                + "'refractoryMs':100},'neurons':[{'id':'a','threshold':0.9,'mode':'level','inputWindowMs':500,"
                + "'refractoryMs':100,'requires':[]}],'nodes':[],'sensors':[],'synapses':[],'actuators':[]}");
        assertEquals(implicit.contentHash(), explicit.contentHash());
    }

    @Test
    void hashesDifferentlyWhenAWeightChanges() {
        Topology one = parse("{'rev':1,'neurons':[{'id':'a','threshold':1}],'synapses':[{'from':'a','to':'a','weight':1}]}");
        Topology two = parse("{'rev':1,'neurons':[{'id':'a','threshold':1}],'synapses':[{'from':'a','to':'a','weight':2}]}");
        assertNotEquals(one.contentHash(), two.contentHash());
    }

    @Test
    void hashesDifferentlyForAnotherRevision() {
        assertNotEquals(parse("{'rev':1,'neurons':[]}").contentHash(), parse("{'rev':2,'neurons':[]}").contentHash());
    }

    @Test
    void givesA64CharacterLowercaseHexHashAndA16CharacterShortForm() {
        Topology topology = parse("{'rev':1,'neurons':[]}");
        assertTrue(topology.contentHash().matches("[0-9a-f]{64}"), topology.contentHash());
        assertEquals(topology.contentHash().substring(0, 16), topology.shortHash());
    }

    @Test
    void hashesTheSha256OfTheCanonicalJson() {
        // sha256 of {"rev":1,"defaults":{"mode":"level","inputWindowMs":500,"refractoryMs":100},"nodes":[],
        // "sensors":[],"neurons":[],"synapses":[],"actuators":[]}, computed with sha256sum.
        Topology topology = parse("{'rev':1,'neurons':[]}");
        assertEquals("{\"rev\":1,\"defaults\":{\"mode\":\"level\",\"inputWindowMs\":500,\"refractoryMs\":100},"
                + "\"nodes\":[],\"sensors\":[],\"neurons\":[],\"synapses\":[],\"actuators\":[]}", topology.toJson());
        assertEquals("b11cc378d3a73cdeeba5fd31ea9dd9eddd7ed74914cf9c6692441d1f7c6e0127", topology.contentHash());
    }

    @Test
    void hashesWhileWritingExactlyWhatTheWrittenTextHashesToAlsoBeyondOneBufferAndOutsideAscii() throws Exception {
        StringBuilder json = new StringBuilder("{\"rev\":3,\"name\":\"caf\u00e9 \uD83D\uDE00\",\"neurons\":[");
        for (int i = 0; i < 5_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"n").append(i).append("\",\"threshold\":0.").append(i)
                    .append('}');
        }
        Topology topology = Topology.parse(json.append("]}").toString());
        byte[] text = topology.toJson().getBytes(StandardCharsets.UTF_8);
        assertTrue(text.length > 4 * 64 * 1024, "the text spans several buffers: " + text.length);

        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)),
                topology.contentHash());
    }

    @Test
    void keepsNamesWithCharactersThatHtmlEscapingWouldMangle() {
        Topology topology = parse("{'rev':1,'name':'a<b> & \\u00e9','neurons':[]}");
        assertTrue(topology.toJson().contains("\"name\":\"a<b> & \u00e9\""), topology.toJson());
        assertEquals(topology, Topology.parse(topology.toJson()));
    }
}
