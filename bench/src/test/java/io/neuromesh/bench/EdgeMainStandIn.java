package io.neuromesh.bench;

import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.GpioSetting;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Stands in for {@code io.neuromesh.cli.Main} (which depends on this module) in the smoke test: understands
 * {@code edge --node <id> --broker <url> ...} and runs an edge runtime until SIGTERM.
 */
public final class EdgeMainStandIn {

    private EdgeMainStandIn() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> list = List.of(args);
        EdgeRuntime runtime = EdgeRuntime.builder().node(list.get(list.indexOf("--node") + 1))
                .broker(list.get(list.indexOf("--broker") + 1)).gpio(GpioSetting.OFF).handover(Duration.ZERO).build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }));
        runtime.start();
        stopped.await();
    }
}
