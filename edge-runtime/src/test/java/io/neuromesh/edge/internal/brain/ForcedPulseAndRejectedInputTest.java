package io.neuromesh.edge.internal.brain;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.LogsCodec;
import io.neuromesh.edge.wire.LogsReply;
import io.neuromesh.edge.wire.WireFormatException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code fire} command on a level neuron (a pulse through the brain's scheduler) and bad inputs made visible in
 * the neuron's event log, driven through the brain with a manual clock.
 */
class ForcedPulseAndRejectedInputTest {

    /** s feeds a (level, refractory 100 ms by default), which feeds b; both on n1. */
    private static final String TOPOLOGY = """
            {"rev":1,"name":"t","defaults":{"threshold":0.9,"mode":"level"},
             "sensors":[{"id":"s"}],
             "neurons":[{"id":"a","node":"n1"},{"id":"b","node":"n1"}],
             "synapses":[{"from":"s","to":"a","weight":1},{"from":"a","to":"b","weight":1}]}""";
    private static final Duration REFRACTORY = Duration.ofMillis(100);

    private final BrainHarness n1 = new BrainHarness("n1");

    ForcedPulseAndRejectedInputTest() {
        n1.topology(TOPOLOGY);
        n1.online("n1");
    }

    private List<String> events(String kind) throws WireFormatException {
        n1.post(new BrainEvent.RequestArrived(BrainEvent.Request.LOGS,
                BrainHarness.message(Topics.REQUEST_LOGS, "{}", "r/logs")));
        LogsReply reply = LogsCodec.decodeReply(n1.replies.get(n1.replies.size() - 1));
        return reply.events().stream().filter(e -> e.kind().equals(kind)).map(LogsReply.Event::text).toList();
    }

    @Test
    void fireOnALevelNeuronIsAPulseForItsRefractoryPeriodThenItsInputsDecideAgain() throws WireFormatException {
        int mark = n1.mark();
        n1.input("a", "{\"fire\":true}");
        assertEquals(List.of("output a=1", "input b {\"from\":\"a\",\"value\":1}", "output b=1"), n1.since(mark));

        mark = n1.mark();
        n1.advance(REFRACTORY.minusMillis(1));
        assertEquals(List.of(), n1.since(mark), "the pulse lasts the refractory period");
        n1.advance(Duration.ofMillis(1));
        assertEquals(List.of("output a=0", "input b {\"from\":\"a\",\"value\":0}", "output b=0"), n1.since(mark),
                "no input says 1: a returns to 0, and b follows");
        assertEquals(List.of("a fires (forced)"), events("forced"));
        assertEquals(List.of("forced pulse of a over: output follows its inputs again (sum 0, output 0)"),
                events("settled"));
    }

    @Test
    void inputsDuringThePulseAreRecordedAndDecideTheOutputWhenItEnds() {
        n1.input("a", "{\"fire\":true}");
        n1.advance(Duration.ofMillis(10));
        n1.input("a", "{\"from\":\"s\",\"value\":1}");
        int mark = n1.mark();
        n1.advance(REFRACTORY);
        assertEquals(List.of(), n1.since(mark), "its input says 1 as well: nothing to change");

        n1.input("a", "{\"from\":\"s\",\"value\":0}");
        assertEquals(List.of("output a=0", "input b {\"from\":\"a\",\"value\":0}", "state a {s=0.0}", "output b=0"),
                n1.since(mark), "after the pulse the neuron follows its inputs as before");
    }

    @Test
    void aSecondFireDuringThePulseExtendsIt() {
        n1.input("a", "{\"fire\":true}");
        n1.advance(Duration.ofMillis(60));
        n1.input("a", "{\"fire\":true}");
        int mark = n1.mark();
        n1.advance(Duration.ofMillis(60));
        assertEquals(List.of(), n1.since(mark), "100 ms after the second fire, not the first");
        n1.advance(Duration.ofMillis(40));
        assertEquals("output a=0", n1.since(mark).get(0));
    }

    @Test
    void malformedInputsShowAsRejectedEventsAtMostOneASecondWithTheRestCounted() throws WireFormatException {
        for (int i = 0; i < 15; i++) {
            n1.input("a", "{\"from\":\"s\",\"value\":\"high\"}");
            n1.advance(Duration.ofMillis(10));
        }
        assertEquals(List.of("input rejected: value: must be a finite number, got \"high\""), events("rejected"));
        assertEquals(15, n1.counters.malformed.get());

        n1.advance(Duration.ofSeconds(1));
        n1.input("a", "{\"from\":\"s\",\"valu\":1}");
        List<String> rejected = events("rejected");
        assertEquals(2, rejected.size(), rejected.toString());
        assertEquals("input rejected: unknown field 'valu'; an input has from, value and optional ts and tick, or fire (and 14 more)",
                rejected.get(1));
    }

    @Test
    void inputsFromSourcesThatDoNotFeedTheNeuronAreLoggedTheSameWay() throws WireFormatException {
        for (int i = 0; i < 5; i++) {
            n1.input("a", "{\"from\":\"sensor_q\",\"value\":1}");
        }
        n1.advance(Duration.ofSeconds(1));
        n1.input("a", "{\"from\":\"sensor_q\",\"value\":1}");
        assertEquals(List.of("input from sensor_q ignored: no synapse sensor_q -> a",
                "input from sensor_q ignored: no synapse sensor_q -> a (and 4 more)"), events("ignored"));
    }
}
