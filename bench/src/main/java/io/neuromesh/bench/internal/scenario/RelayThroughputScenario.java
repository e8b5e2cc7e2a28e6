package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.fleet.BenchFleet;
import io.neuromesh.bench.internal.fleet.Links;
import io.neuromesh.bench.internal.fleet.Topologies;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Floor;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.Scenario;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.bench.internal.stats.Samples;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One runtime hosting one level neuron, {@code relay}, with inputs at QoS 0. Every input flips its output, so for
 * every input it publishes its output and sends one input to {@code sink}, whose input topic the bench counts. The
 * publisher keeps at most a window of inputs outstanding (below the neuron's inbox of 1,000), so nothing is dropped
 * by design and a loss is a failure.
 */
public final class RelayThroughputScenario implements Scenario {

    private static final double TARGET_RATIO = 0.5;

    @Override
    public String name() {
        return "relay-throughput";
    }

    @Override
    public List<ScenarioResult> run(ScenarioContext context) throws Exception {
        Scale scale = context.scale();
        String label = context.broker().label();
        String node = "bench-relay";
        double[] rates = new double[scale.relayRounds()];
        long sent = 0;
        long lost = 0;
        long dropped;
        try (BenchFleet fleet = new BenchFleet(context.broker().uri(), context.revisions())) {
            EdgeRuntime runtime = fleet.start(node, b -> b.neuronQos(Qos.AT_MOST_ONCE));
            long rev = context.revisions().next();
            fleet.apply(Topologies.relay(rev, node, "bench-relay-absent"), rev, List.of(node), Duration.ofSeconds(30));
            Blast blast = new Blast(scale.relayWindow());
            byte[][] inputs = {InputCodec.encode(Input.of("feed", 0)), InputCodec.encode(Input.of("feed", 1))};
            try (MqttLink counter = Links.connect(context.broker().uri(), "relay-count");
                 MqttLink publisher = Links.connect(context.broker().uri(), "relay-pub")) {
                counter.subscribe(List.of(Subscription.of(Topics.input("sink"), Qos.AT_MOST_ONCE)), Links.DIRECT,
                        m -> blast.arrived());
                // Every input must flip the output: alternate 1, 0, 1, ... across rounds (the output starts at 0).
                int[] next = {1};
                for (int round = -1; round < rates.length; round++) {
                    // Round -1 warms up on a fifth of the inputs and is not counted.
                    int count = round < 0 ? Math.max(1, scale.relayInputs() / 5) : scale.relayInputs();
                    Blast.Round result = blast.run(count, i -> {
                        publisher.publish(Topics.input("relay"), inputs[next[0]], Qos.AT_MOST_ONCE, false);
                        next[0] ^= 1;
                    });
                    if (round >= 0) {
                        rates[round] = result.perSecond();
                        sent += result.sent();
                        lost += result.lost();
                    }
                }
            }
            dropped = runtime.stats().dropped();
        }
        double rate = Samples.median(rates);
        context.say("relayed " + Durations.number(rate) + " inputs/s, lost " + lost + " of " + sent);
        Floor floor = context.floors().get(label);
        String settings = String.format(Locale.ROOT, "%,d inputs per round, window %d, median of %d rounds; "
                + "lost %d of %,d, dropped by the runtime %d", scale.relayInputs(), scale.relayWindow(), rates.length,
                lost, sent, dropped);
        if (floor == null) {
            return List.of(new ScenarioResult("relay-throughput", label, rates.length, null, null, rate, "msg/s",
                    ">= 50% of broker 1->1, no loss", lost == 0 ? Verdict.PRINTED : Verdict.MISSED,
                    settings + "; no floor measured on this broker"));
        }
        double ratio = rate / floor.qos0PerSecond();
        boolean met = ratio >= TARGET_RATIO && lost == 0;
        String note = String.format(Locale.ROOT, "%.0f%% of the broker's %s msg/s; %s", ratio * 100,
                Durations.number(floor.qos0PerSecond()), settings);
        if (ratio < TARGET_RATIO) {
            note += "; per input the runtime receives 1 message and publishes 2 (its retained output at QoS 1 and the "
                    + "downstream input), so the broker carries 3 messages per relayed input";
        }
        return List.of(new ScenarioResult("relay-throughput", label, rates.length, null, null, rate, "msg/s",
                ">= 50% of broker 1->1 (" + Durations.number(floor.qos0PerSecond() * TARGET_RATIO) + "), no loss",
                met ? Verdict.MET : Verdict.MISSED, note));
    }
}
