/**
 * One fleet harness for every integration test: {@link io.neuromesh.testkit.fleet.TestFleet} starts a fresh broker,
 * starts nodes through a {@link io.neuromesh.testkit.fleet.NodeStarter} the test module supplies (in-process
 * runtimes or workers, or OS processes through {@link io.neuromesh.testkit.process.Launcher}), publishes topologies,
 * records what arrives on topic filters ({@link io.neuromesh.testkit.fleet.Observer}), and closes everything.
 * Await conditions on it with Awaitility.
 *
 * @since 0.1
 */
package io.neuromesh.testkit.fleet;
