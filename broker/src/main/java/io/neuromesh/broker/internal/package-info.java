/**
 * Implementation of the embedded broker on HiveMQ CE. Not an API: use {@link io.neuromesh.broker.EmbeddedBroker}.
 */
package io.neuromesh.broker.internal;
