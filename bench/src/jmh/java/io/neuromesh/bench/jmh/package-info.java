/**
 * JMH microbenchmarks of the hot paths (neuron evaluation, input and output codecs, topology parse, diff and
 * placement). Compiled only with the Maven profile {@code jmh}, never by the test suite:
 * <pre>
 * mvn -B -Pjmh -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar                 # all of them
 * java -jar bench/target/benchmarks.jar Topology -f 1   # those matching a pattern
 * </pre>
 */
package io.neuromesh.bench.jmh;
