/**
 * The one HiveMQ extension the embedded broker runs ({@link io.neuromesh.broker.internal.extension.NeuromeshExtension}),
 * with one subpackage per concern it adds to the broker (the topology guard in {@code topology}).
 */
package io.neuromesh.broker.internal.extension;
