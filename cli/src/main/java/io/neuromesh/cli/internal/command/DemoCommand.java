package io.neuromesh.cli.internal.command;

import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.demo.XorDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code neuromesh demo}: the XOR brain on an embedded broker and three runtimes. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "the XOR brain: embedded broker, three runtimes, sensors stepped through the truth table")
public final class DemoCommand implements Callable<Integer> {

    /** The pause after each step: long enough for a watcher to follow the LED. */
    static final Duration DEFAULT_PAUSE = Duration.ofMillis(300);

    @Spec
    private CommandSpec spec;
    @Option(names = "--cycles", paramLabel = "N",
            description = "exit after N passes through the truth table (default: until Ctrl-C)")
    private Integer cycles;
    @Option(names = "--port", paramLabel = "PORT", description = "broker port (default: ${DEFAULT-VALUE}; a free one"
            + " if taken)")
    private int port = EmbeddedBroker.DEFAULT_PORT;
    @Option(names = "--pause", paramLabel = "DURATION",
            description = "pause after each step, for watchers (default: ${DEFAULT-VALUE})")
    private Duration pause = DEFAULT_PAUSE;

    @Override
    public Integer call() throws Exception {
        if (cycles != null && cycles < 1) {
            throw new UsageException("--cycles must be at least 1, got " + cycles);
        }
        if (port < 1 || port > 65_535) {
            throw new UsageException("--port must be between 1 and 65535, got " + port);
        }
        int passes = cycles == null ? Integer.MAX_VALUE : cycles;
        PrintStream out = NeuromeshCommand.out(spec);
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch cleanedUp = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            // Ctrl-C: stop the passes, then give the main thread time to close runtimes and broker cleanly.
            stopping.set(true);
            main.interrupt();
            try {
                cleanedUp.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "neuromesh-demo-shutdown");
        try (XorDemo demo = new XorDemo(out)) {
            Runtime.getRuntime().addShutdownHook(hook);
            demo.start(port);
            boolean allRight = true;
            try {
                out.println("warming up (" + XorDemo.WARM_UP_PASSES + " unprinted passes, so the times below are not"
                        + " the JIT compiler's)");
                for (int pass = 1; pass <= XorDemo.WARM_UP_PASSES && !stopping.get(); pass++) {
                    allRight &= demo.pass(pass, XorDemo.Report.NONE, Duration.ZERO);
                }
                for (int pass = 1; pass <= passes && !stopping.get(); pass++) {
                    allRight &= demo.pass(pass, pass == 1 ? XorDemo.Report.TABLE : XorDemo.Report.SUMMARY, pause);
                }
            } catch (InterruptedException e) {
                out.println("stopping");
            }
            if (!stopping.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            if (!allRight) {
                throw new CommandFailedException("z did not always equal XOR(x, y)");
            }
        } finally {
            cleanedUp.countDown();
        }
        return 0;
    }
}
