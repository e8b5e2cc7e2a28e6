/**
 * The Neuromesh topology: the single retained JSON document on {@code neuromesh/topology} that configures the
 * whole fleet, as immutable, validated records.
 *
 * <p>Entry points: {@link io.neuromesh.topology.Topology#parse(byte[])} (strict parser that reports every problem
 * at once as {@code "<path>: <what>"}), {@link io.neuromesh.topology.Topology#toJson()} and
 * {@link io.neuromesh.topology.Topology#contentHash()} (canonical form), {@link io.neuromesh.topology.TopologyIndex}
 * (lookups for hot paths) and {@link io.neuromesh.topology.TopologyDiff} (what changed between two revisions).
 * Everything under {@code io.neuromesh.topology.internal} is implementation and may change without notice.
 *
 * @since 0.1
 */
package io.neuromesh.topology;
