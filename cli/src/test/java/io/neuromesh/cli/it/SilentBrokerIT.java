package io.neuromesh.cli.it;

import io.neuromesh.testkit.process.Launcher;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broker that accepts connections and never answers: the commands say so, as a timeout, and exit 1. */
@Timeout(60)
class SilentBrokerIT {

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket silent;
    private Launcher launcher;

    @AfterEach
    void close() throws IOException {
        if (launcher != null) {
            launcher.stopAll();
        }
        for (Socket socket : held) {
            socket.close();
        }
        if (silent != null) {
            silent.close();
        }
    }

    @Test
    void diffAgainstABrokerThatDoesNotAnswerExitsOneWithATimeout() throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException closed) {
                // The test is over.
            }
        });
        launcher = Launcher.forRepository();
        // What a JVM start costs on this machine now: a loaded CI machine takes seconds, an idle one a fraction.
        long versionStart = System.nanoTime();
        launcher.run(30, "--version");
        Duration jvm = Duration.ofNanos(System.nanoTime() - versionStart);
        long start = System.nanoTime();
        ManagedProcess.Result diff = launcher.run(30, "topology", "diff", "examples/xor.json", "--broker",
                "tcp://127.0.0.1:" + silent.getLocalPort());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(1, diff.exitCode(), diff.output());
        assertTrue(diff.output().contains("no answer from the broker at tcp://127.0.0.1:" + silent.getLocalPort()
                + " within 3s"), diff.output());
        // 3 s of waiting plus a JVM start (three times the measured one: diff loads more classes, and the other test
        // fork may load the machine more now than during --version; twice was short once in CI, 8.6 s against 6.8 s)
        // and 4 s of slack; a diff that did not time out would run into the 30 s the launcher gives it.
        Duration bound = Duration.ofSeconds(7).plus(jvm.multipliedBy(3));
        assertTrue(took.compareTo(bound) < 0, "took " + took.toMillis() + " ms, more than " + bound.toMillis()
                + " ms (a JVM start took " + jvm.toMillis() + " ms)");
    }
}
