package io.neuromesh.bench.internal.run;

import java.time.Duration;

/**
 * The raw broker numbers other scenarios are compared with.
 *
 * @param qos0P50       median one-hop latency at QoS 0
 * @param qos1P50       median one-hop latency at QoS 1
 * @param qos0PerSecond 1-to-1 QoS 0 throughput, messages per second
 */
public record Floor(Duration qos0P50, Duration qos1P50, double qos0PerSecond) {
}
