package io.neuromesh.cli.internal.command.record;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.fleet.RunningTopology;
import io.neuromesh.cli.internal.options.FleetOptions;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.edge.wire.Output;
import io.neuromesh.edge.wire.OutputCodec;
import io.neuromesh.edge.wire.SensorStateCodec;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** {@code neuromesh record --for 60s FILE}: the inputs the fleet receives from sensors and users, and its outputs. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"record what the fleet receives from sensors and users (with their source times) and the"
                + " outputs it publishes, as JSON lines, for ./neuromesh replay",
                "Starts with the running rev and every neuron's retained output and sensor values. Outputs are"
                        + " recorded with their tick, so only on a discrete-time topology (tickMs): an eager one's"
                        + " inputs can still be replayed through a ticked topology (replay --topology FILE)."})
public final class RecordCommand implements Callable<Integer> {

    /** Messages waiting for the writer; the callback thread never waits for the disk. */
    private static final int QUEUE = 100_000;
    /** How often the loop looks for Ctrl-C while no message arrives. */
    private static final Duration SIGNAL_CHECK = Duration.ofMillis(50);

    @Mixin
    private FleetOptions fleet;
    @Option(names = "--for", paramLabel = "DURATION",
            description = "how long to record, e.g. 60s (default: 60s); Ctrl-C ends it sooner, with the file complete")
    private Duration limit = Duration.ofSeconds(60);
    @Parameters(paramLabel = "FILE", description = "where to write the recording (replaced)")
    private Path file;

    @Override
    public Integer call() throws InterruptedException {
        if (limit.isNegative() || limit.isZero()) {
            throw new UsageException("--for must be positive, got " + limit);
        }
        BlockingQueue<FleetClient.NeuronMessage> queue = new ArrayBlockingQueue<>(QUEUE);
        AtomicLong dropped = new AtomicLong();
        long inputs = 0;
        long outputs = 0;
        try (EarlyStop stop = new EarlyStop(); FleetClient client = fleet.broker().fleet();
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            FleetTopology state = client.topology(FleetClient.DEFAULT_TIMEOUT);
            Topology running = RunningTopology.of(state, FleetClient.DEFAULT_TIMEOUT).orElseThrow(() ->
                    new CommandFailedException("no node runs a topology: nothing to record"));
            TopologyIndex index = running.index();
            JsonObject start = new JsonObject();
            start.addProperty("rev", running.rev());
            start.addProperty("hash", running.contentHash());
            start.addProperty("tickMs", running.tick().toMillis());
            start.addProperty("at", System.currentTimeMillis());
            write(out, Recording.line("start", start));
            out.flush();
            client.watchNeurons(m -> {
                if (!queue.offer(m)) {
                    dropped.incrementAndGet();
                }
            });
            long begin = System.nanoTime();
            long end = begin + limit.toNanos();
            for (long left = limit.toNanos(); left > 0 && !stop.requested(); left = end - System.nanoTime()) {
                FleetClient.NeuronMessage m = queue.poll(Math.min(left, SIGNAL_CHECK.toNanos()), TimeUnit.NANOSECONDS);
                if (m != null) {
                    String line = line(m, index);
                    if (line != null) {
                        write(out, line);
                        inputs += line.startsWith("{\"kind\":\"input\"") ? 1 : 0;
                        outputs += line.startsWith("{\"kind\":\"output\"") ? 1 : 0;
                    }
                    if (queue.isEmpty()) {
                        out.flush(); // a reader of the file sees every message received so far
                    }
                }
            }
            JsonObject done = new JsonObject();
            done.addProperty("at", System.currentTimeMillis());
            done.addProperty("dropped", dropped.get());
            write(out, Recording.line("end", done));
            out.flush();
            long took = stop.requested() ? Duration.ofNanos(System.nanoTime() - begin).toSeconds() : limit.toSeconds();
            // Outputs carry a tick only on a ticked topology, and replay compares only those: say so, not "0 outputs".
            fleet.out().println("recorded " + inputs + " input(s) " + (running.tick().isZero()
                    ? "of rev " + running.rev() + " (it runs without ticks, so no output is recorded)"
                    : "and " + outputs + " output(s) of rev " + running.rev()) + " in " + took + "s to " + file
                    + (stop.requested() ? " (stopped by a signal before --for " + limit.toSeconds() + "s)" : "")
                    + (dropped.get() == 0 ? "" : "; " + dropped.get() + " message(s) dropped (the disk was too slow)"));
        } catch (IOException e) {
            throw new CommandFailedException(file + ": cannot write (" + e.getMessage() + ")");
        }
        return 0;
    }

    /** @return the line for {@code m}, or null when it is not recorded (traffic between neurons, progress notes) */
    private static String line(FleetClient.NeuronMessage m, TopologyIndex index) {
        if (m.payload().length == 0) {
            return null;
        }
        try {
            JsonObject o = new JsonObject();
            o.addProperty("neuron", m.neuron());
            switch (m.kind()) {
                case INPUT -> {
                    Input input = InputCodec.decode(m.payload());
                    // Only what enters the network from outside: sensors, users, fire commands.
                    if (m.retained() || !input.fire() && index.isNeuron(input.from())) {
                        return null;
                    }
                    JsonObject step = new JsonObject();
                    step.addProperty("to", m.neuron());
                    step.addProperty("at", m.arrived().toEpochMilli());
                    step.add("input", JsonParser.parseString(new String(InputCodec.encode(input), StandardCharsets.UTF_8)));
                    return Recording.line("input", step);
                }
                case OUTPUT -> {
                    Output output = OutputCodec.decode(m.payload());
                    o.addProperty("value", output.value());
                    if (m.retained()) {
                        return Recording.line("initial-output", o);
                    }
                    if (output.tick().isEmpty()) {
                        return null;
                    }
                    o.addProperty("tick", output.tick().getAsLong());
                    o.addProperty("ts", output.timestamp().toEpochMilli());
                    o.addProperty("node", output.node());
                    return Recording.line("output", o);
                }
                case STATE -> {
                    if (!m.retained()) {
                        return null;
                    }
                    JsonObject sensors = new JsonObject();
                    SensorStateCodec.decode(m.payload()).sensors().forEach(sensors::addProperty);
                    o.add("sensors", sensors);
                    return Recording.line("initial-state", o);
                }
                default -> {
                    return null;
                }
            }
        } catch (WireFormatException e) {
            return null; // the fleet drops it too
        }
    }

    private static void write(BufferedWriter out, String line) throws IOException {
        out.write(line);
        out.newLine();
    }
}
