package io.neuromesh.topology;

import static io.neuromesh.topology.Docs.errorsOf;
import static io.neuromesh.topology.Docs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A neuron's {@code prefers}: read, checked, serialized, hashed and diffed. */
@Timeout(10)
class PrefersTest {

    private static final String SITES = "{'rev':1,'defaults':{'threshold':1},"
            + "'nodes':[{'id':'a1','labels':['site-a']},{'id':'b1','labels':['site-b','gpio']}],'neurons':[%s]}";

    @Test
    void readsPrefersAndDefaultsItToNone() {
        Topology topology = parse(SITES.formatted("{'id':'x','prefers':['site-a']},{'id':'y'}"));
        assertEquals(List.of("site-a"), topology.neurons().get(0).prefers());
        assertEquals(List.of(), topology.neurons().get(1).prefers());
    }

    @Test
    void writesPrefersOnlyWhenSetSoThatOlderDocumentsKeepTheirHash() {
        Topology without = parse(SITES.formatted("{'id':'x'}"));
        Topology emptyList = parse(SITES.formatted("{'id':'x','prefers':[]}"));
        Topology with = parse(SITES.formatted("{'id':'x','prefers':['site-a']}"));
        assertFalse(without.toJson().contains("prefers"), without.toJson());
        assertEquals(without.contentHash(), emptyList.contentHash());
        assertTrue(with.toJson().contains("\"requires\":[],\"prefers\":[\"site-a\"]"), with.toJson());
        assertNotEquals(without.contentHash(), with.contentHash());
        assertEquals(with.contentHash(), Topology.parse(with.toJson()).contentHash());
    }

    @Test
    void aChangedPreferenceIsAChangeOfTheNeuron() {
        Topology before = parse(SITES.formatted("{'id':'x','prefers':['site-a']}"));
        Topology after = parse(SITES.formatted("{'id':'x','prefers':['site-b']}").replace("'rev':1", "'rev':2"));
        assertEquals(List.of("~ neuron x: prefers [site-a] -> [site-b]"),
                TopologyDiff.between(before, after).describe());
    }

    @Test
    void refusesPrefersOnAPinnedNeuron() {
        assertEquals(List.of("neurons[0].prefers: only a neuron placed automatically (without node) has prefers; "
                        + "a pinned neuron runs on its node"),
                errorsOf(SITES.formatted("{'id':'x','node':'a1','prefers':['site-a']}")));
    }

    @Test
    void refusesALabelThatIsRequiredAndPreferred() {
        assertEquals(List.of("neurons[0].prefers: 'gpio' is in requires too; a label is either required or preferred"),
                errorsOf(SITES.formatted("{'id':'x','requires':['gpio'],'prefers':['site-b','gpio']}")));
    }

    @Test
    void checksEachLabelLikeAnId() {
        assertEquals(List.of("neurons[0].prefers[1]: duplicate label 'site-a'",
                        "neurons[1].prefers[0]: 'site:a' contains ':'; ids are 1-64 characters of A-Z a-z 0-9 _ -",
                        "neurons[2].prefers: must be an array of labels, got string \"site-a\""),
                errorsOf(SITES.formatted("{'id':'x','prefers':['site-a','site-a']},{'id':'y','prefers':['site:a']},"
                        + "{'id':'z','prefers':'site-a'}")));
    }

    @Test
    void theRecordChecksTheSameRules() {
        Duration window = Defaults.DEFAULT_INPUT_WINDOW;
        Duration rest = Defaults.DEFAULT_REFRACTORY;
        IllegalArgumentException pinned = assertThrows(IllegalArgumentException.class, () -> new NeuronSpec("x", "a1",
                1, NeuronMode.LEVEL, window, rest, List.of(), List.of("site-a")));
        assertTrue(pinned.getMessage().startsWith("prefers: only a neuron placed automatically"), pinned.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> new NeuronSpec("x", null,
                1, NeuronMode.LEVEL, window, rest, List.of("gpio"), List.of("gpio")));
        assertEquals("prefers: 'gpio' is in requires too; a label is either required or preferred", both.getMessage());
        assertEquals(List.of(), new NeuronSpec("x", null, 1, NeuronMode.LEVEL, window, rest, List.of()).prefers());
    }
}
