/**
 * Real MQTT brokers for integration tests: {@link io.neuromesh.testkit.broker.TestBrokers} starts an embedded
 * HiveMQ or a mosquitto process on a free port; {@link io.neuromesh.testkit.broker.OnEveryBroker} runs one test
 * body on each. Classes under {@code internal} are implementation details.
 *
 * @since 0.1
 */
package io.neuromesh.testkit.broker;
