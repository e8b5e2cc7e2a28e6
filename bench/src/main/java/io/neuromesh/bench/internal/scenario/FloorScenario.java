package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.ScenarioResult;
import io.neuromesh.bench.Verdict;
import io.neuromesh.bench.internal.fleet.Links;
import io.neuromesh.bench.internal.report.Durations;
import io.neuromesh.bench.internal.run.Floor;
import io.neuromesh.bench.internal.run.Scale;
import io.neuromesh.bench.internal.run.Scenario;
import io.neuromesh.bench.internal.run.ScenarioContext;
import io.neuromesh.bench.internal.stats.Samples;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The broker floor: one publisher, one subscriber, both {@link MqttLink}s in this JVM. Latency with one message in
 * flight at QoS 0 and QoS 1 (publish call to the subscriber's callback thread), then 1-to-1 QoS 0 throughput (one
 * publisher blasting, one subscriber counting).
 */
public final class FloorScenario implements Scenario {

    static final byte[] PAYLOAD = InputCodec.encode(Input.of("bench", 1));

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public List<ScenarioResult> run(ScenarioContext context) throws Exception {
        Scale scale = context.scale();
        String label = context.broker().label();
        String topic = "bench/floor/" + ProcessHandle.current().pid();
        try (MqttLink publisher = Links.connect(context.broker().uri(), "floor-pub");
             MqttLink subscriber = Links.connect(context.broker().uri(), "floor-sub")) {
            LinkedBlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
            subscriber.subscribe(List.of(Subscription.of(topic + "/latency", Qos.AT_LEAST_ONCE)), Links.DIRECT,
                    m -> arrivals.add(System.nanoTime()));
            Samples qos0 = new Samples();
            Samples qos1 = new Samples();
            // Interleaved, so that both QoS levels see the same JIT state and the same background load.
            for (int i = 0; i < scale.floorWarmup() + scale.floorSamples(); i++) {
                long zero = hop(publisher, topic + "/latency", Qos.AT_MOST_ONCE, arrivals, scale.latencyTimeout());
                long one = hop(publisher, topic + "/latency", Qos.AT_LEAST_ONCE, arrivals, scale.latencyTimeout());
                if (i >= scale.floorWarmup()) {
                    qos0.add(zero);
                    qos1.add(one);
                }
            }
            context.say("one hop p50: QoS 0 " + Durations.format(qos0.p50()) + ", QoS 1 " + Durations.format(qos1.p50()));

            Blast blast = new Blast(scale.relayWindow());
            subscriber.subscribe(List.of(Subscription.of(topic + "/blast", Qos.AT_MOST_ONCE)), Links.DIRECT,
                    m -> blast.arrived());
            double[] rates = new double[scale.floorRounds()];
            long lost = 0;
            for (int round = -1; round < rates.length; round++) {
                // Round -1 warms up on a fifth of the messages and is not counted.
                int count = round < 0 ? Math.max(1, scale.floorMessages() / 5) : scale.floorMessages();
                Blast.Round result = blast.run(count,
                        i -> publisher.publish(topic + "/blast", PAYLOAD, Qos.AT_MOST_ONCE, false));
                if (round >= 0) {
                    rates[round] = result.perSecond();
                    lost += result.lost();
                }
            }
            double rate = Samples.median(rates);
            context.say("1->1 QoS 0: " + Durations.number(rate) + " msg/s");
            context.floors().put(label, new Floor(qos0.p50(), qos1.p50(), rate));
            String latencyNote = "one message in flight, publish call to the subscriber's MQTT thread, same JVM";
            return List.of(
                    new ScenarioResult("floor qos0", label, qos0.size(), qos0.p50(), qos0.p99(), null, null, "-",
                            Verdict.PRINTED, latencyNote),
                    new ScenarioResult("floor qos1", label, qos1.size(), qos1.p50(), qos1.p99(), null, null, "-",
                            Verdict.PRINTED, ""),
                    new ScenarioResult("floor 1->1 qos0", label, rates.length, null, null, rate, "msg/s", "-",
                            Verdict.PRINTED, String.format("one publisher, at most %d messages outstanding (as in "
                            + "relay-throughput), one subscriber counting; %,d messages per round, median of %d "
                            + "rounds%s", scale.relayWindow(), scale.floorMessages(), rates.length,
                            lost == 0 ? "" : "; " + lost + " lost")));
        }
    }

    /** One message with nothing else in flight: nanoseconds from the publish call to its arrival. */
    static long hop(MqttLink publisher, String topic, Qos qos, LinkedBlockingQueue<Long> arrivals,
                            Duration timeout) throws InterruptedException, TimeoutException {
        arrivals.clear();
        long start = System.nanoTime();
        publisher.publish(topic, PAYLOAD, qos, false);
        Long arrived = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (arrived == null) {
            throw new TimeoutException("a QoS " + qos.level() + " message did not arrive within " + timeout.toMillis()
                    + " ms");
        }
        return arrived - start;
    }
}
