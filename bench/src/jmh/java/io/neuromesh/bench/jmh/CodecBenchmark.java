package io.neuromesh.bench.jmh;

import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.edge.wire.Output;
import io.neuromesh.edge.wire.OutputCodec;
import io.neuromesh.edge.wire.WireFormatException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The per-message codecs of {@code io.neuromesh.edge.wire} (decoding an input, encoding an input sent downstream,
 * encoding and decoding an output), each against a Gson-based equivalent with the same rules ({@link GsonCodecs}):
 * the numbers that justify hand-writing them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    private final byte[] input = "{\"from\":\"sensor_x\",\"value\":1}".getBytes(StandardCharsets.UTF_8);
    private final byte[] inputWithTs = "{\"from\":\"h2\",\"value\":-0.5,\"ts\":1767225600000}"
            .getBytes(StandardCharsets.UTF_8);
    private final byte[] output = "{\"v\":1,\"value\":1,\"ts\":1767225600000,\"node\":\"n3\"}"
            .getBytes(StandardCharsets.UTF_8);
    private final Input downstream = Input.of("h2", 1);
    private long ts = 1_767_225_600_000L;

    @Benchmark
    public Input decodeInput() throws WireFormatException {
        return InputCodec.decode(input);
    }

    @Benchmark
    public Input decodeInputGson() {
        return GsonCodecs.decodeInput(input);
    }

    @Benchmark
    public Input decodeInputWithTimestamp() throws WireFormatException {
        return InputCodec.decode(inputWithTs);
    }

    @Benchmark
    public Input decodeInputWithTimestampGson() {
        return GsonCodecs.decodeInput(inputWithTs);
    }

    @Benchmark
    public byte[] encodeInput() {
        return InputCodec.encode(downstream);
    }

    @Benchmark
    public byte[] encodeInputGson() {
        return GsonCodecs.encodeInput(downstream);
    }

    @Benchmark
    public byte[] encodeOutput() {
        return OutputCodec.encode(new Output(1, Instant.ofEpochMilli(ts++), "n3"));
    }

    @Benchmark
    public byte[] encodeOutputGson() {
        return GsonCodecs.encodeOutput(new Output(1, Instant.ofEpochMilli(ts++), "n3"));
    }

    @Benchmark
    public Output decodeOutput() throws WireFormatException {
        return OutputCodec.decode(output);
    }

    @Benchmark
    public Output decodeOutputGson() {
        return GsonCodecs.decodeOutput(output);
    }
}
