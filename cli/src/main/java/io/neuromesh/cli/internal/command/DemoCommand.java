package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.cli.internal.demo.XorDemo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code neuromesh demo}: the XOR brain on an embedded broker and three runtimes. */
public final class DemoCommand implements Command {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String synopsis() {
        return "[--cycles N] [--port 1883]";
    }

    @Override
    public String summary() {
        return "the XOR brain: embedded broker, three runtimes, sensors stepped through the truth table";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("cycles", "N", "exit after N passes through the truth table (default: until Ctrl-C)"),
                Option.value("port", "PORT", "broker port (default 1883; a free one if taken)"),
                Option.value("pause", "DURATION", "pause after each step, for watchers (default 300ms)"));
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        args.maxPositional(0);
        int cycles = args.intValue("cycles", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        int port = args.intValue("port", 1883, 1, 65_535);
        Duration pause = args.duration("pause", Duration.ofMillis(300));
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
                for (int pass = 1; pass <= cycles && !stopping.get(); pass++) {
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
