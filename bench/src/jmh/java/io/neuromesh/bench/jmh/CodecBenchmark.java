package io.neuromesh.bench.jmh;

import io.neuromesh.edge.internal.codec.BadInputException;
import io.neuromesh.edge.internal.codec.Input;
import io.neuromesh.edge.internal.codec.InputDecoder;
import io.neuromesh.edge.internal.codec.OutputCodec;
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
import java.util.concurrent.TimeUnit;

/** The per-message codecs: decoding an input payload and encoding an output payload. */
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
    private long ts = 1_767_225_600_000L;

    @Benchmark
    public Input decodeInput() throws BadInputException {
        return InputDecoder.decode(input);
    }

    @Benchmark
    public Input decodeInputWithTimestamp() throws BadInputException {
        return InputDecoder.decode(inputWithTs);
    }

    @Benchmark
    public byte[] encodeOutput() {
        return OutputCodec.output(1, ts++, "n3");
    }
}
