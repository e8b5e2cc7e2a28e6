/**
 * The fleet's web dashboard: {@link io.neuromesh.dashboard.Dashboard} serves the Brain, Fleet, Events and Topology
 * pages and their JSON API, fed by one MQTT connection to the fleet's broker (no database). Everything else of the
 * module is in {@code internal} and not to be used directly.
 *
 * @since 0.3
 */
package io.neuromesh.dashboard;
