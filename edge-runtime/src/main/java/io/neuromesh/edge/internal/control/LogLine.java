package io.neuromesh.edge.internal.control;

/** One merged-log line: a neuron event with its host's clock time (epoch microseconds). */
public record LogLine(long epochMicros, String neuron, String kind, String text) {
}
