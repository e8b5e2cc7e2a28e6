package io.neuromesh.bench.internal.scenario;

import io.neuromesh.bench.internal.fleet.OutputProbe;
import io.neuromesh.bench.internal.stats.Samples;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/** Times inputs until an output is observed, one step in flight at a time. */
final class Latencies {

    /** One step: an input to publish and the output value it must lead to. */
    record Step(String topic, byte[] payload, int expectedOutput) {
    }

    /** The step number {@code i} of a sequence. */
    @FunctionalInterface
    interface Steps {
        Step step(int i);
    }

    private Latencies() {
    }

    /**
     * Publishes {@code warmup + samples} steps at QoS 1, each after the previous one's output arrived, and times
     * the counted ones from the publish call to the output's arrival at {@code probe}.
     */
    static Samples measure(MqttLink publisher, OutputProbe probe, Steps steps, int warmup, int samples,
                           Duration timeout) throws InterruptedException, TimeoutException {
        return measure(publisher, Qos.AT_LEAST_ONCE, probe, steps, warmup, samples, Duration.ZERO, timeout);
    }

    /**
     * As {@link #measure(MqttLink, OutputProbe, Steps, int, int, Duration)}, publishing at {@code qos} and pausing
     * {@code gap} after each output arrived, so that every step starts from idle threads (sparse traffic).
     */
    static Samples measure(MqttLink publisher, Qos qos, OutputProbe probe, Steps steps, int warmup, int samples,
                           Duration gap, Duration timeout) throws InterruptedException, TimeoutException {
        Samples measured = new Samples();
        SampleLog log = SampleLog.open(probe.neuron() + " gap " + gap.toMillis() + "ms");
        for (int i = 0; i < warmup + samples; i++) {
            Step step = steps.step(i);
            long start = System.nanoTime();
            publisher.publish(step.topic(), step.payload(), qos, false);
            long arrived = probe.await(step.expectedOutput(), timeout);
            if (i >= warmup) {
                measured.add(arrived - start);
                if (log != null) {
                    log.add(start, arrived - start);
                }
            }
            pause(gap);
        }
        if (log != null) {
            log.write();
        }
        return measured;
    }

    /** Parks for {@code gap} (the whole of it: parkNanos may return early). */
    static void pause(Duration gap) {
        long end = System.nanoTime() + gap.toNanos();
        for (long left = gap.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
