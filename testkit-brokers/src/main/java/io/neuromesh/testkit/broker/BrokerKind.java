package io.neuromesh.testkit.broker;

/**
 * The MQTT brokers Neuromesh is tested against. Use with {@link OnEveryBroker} or
 * {@code @EnumSource(BrokerKind.class)} and {@link TestBrokers#of(BrokerKind)} to run one test body on each.
 *
 * @since 0.1
 */
public enum BrokerKind {
    /** HiveMQ CE embedded in the test JVM, through {@link io.neuromesh.broker.EmbeddedBroker}. */
    HIVEMQ_EMBEDDED,
    /** A {@code mosquitto} process; tests using it are skipped where mosquitto is not installed. */
    MOSQUITTO
}
