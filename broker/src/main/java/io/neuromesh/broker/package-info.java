/**
 * The embedded MQTT broker: {@link io.neuromesh.broker.EmbeddedBroker#builder()} configures and builds one.
 * Everything under {@code io.neuromesh.broker.internal} is an implementation detail and may change without notice.
 *
 * @since 0.1
 */
package io.neuromesh.broker;
