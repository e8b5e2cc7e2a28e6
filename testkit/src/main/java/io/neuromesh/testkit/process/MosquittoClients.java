package io.neuromesh.testkit.process;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The user's own tools, {@code mosquitto_pub} and {@code mosquitto_sub}, as the README tells users to run them. */
public final class MosquittoClients {

    /** Why a test is skipped when the clients are missing. */
    public static final String MISSING = "mosquitto clients not installed: apt-get install mosquitto-clients";

    private MosquittoClients() {
    }

    /** Aborts the calling test (a visible skip) unless mosquitto_pub and mosquitto_sub are installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(onPath("mosquitto_pub") && onPath("mosquitto_sub"), MISSING);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** {@code mosquitto_pub -h 127.0.0.1 -p <port> -q 1 -t <topic> -m <message>}; fails unless it exits 0. */
    public static void publish(int port, String topic, String message, boolean retain)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-q", "1", "-t", topic, "-m", message));
        if (retain) {
            command.add("-r");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("mosquitto_pub failed: " + output);
        }
    }

    /** A running {@code mosquitto_sub -v} whose lines ({@code topic payload}) can be awaited. */
    public static final class Subscriber implements AutoCloseable {
        private final Process process;
        private final String probe;
        private final CountDownLatch probed = new CountDownLatch(1);
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Subscriber(Process process, String probe) {
            this.process = process;
            this.probe = probe;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith(probe + " ")) {
                            probed.countDown();
                        } else {
                            lines.add(line);
                        }
                    }
                } catch (IOException closed) {
                    // The process ended; nothing more to read.
                }
            }, "mosquitto_sub-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next line, or null if none arrives within {@code timeout}. */
        public String next(Duration timeout) throws InterruptedException {
            return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /**
         * For a subscription to {@code neuromesh/nodes/+/status}: reads lines until each of {@code nodes} has said
         * online; fails, naming the ones seen, when {@code timeout} passes before they all did (other nodes'
         * heartbeats meanwhile do not extend it).
         */
        public void awaitOnline(Duration timeout, String... nodes) throws InterruptedException {
            Set<String> online = new HashSet<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!online.containsAll(List.of(nodes))) {
                String line = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (line == null) {
                    throw new AssertionError("nodes " + String.join(" ", nodes) + " online; saw " + online);
                }
                if (line.contains("\"state\":\"online\"")) {
                    online.add(line.substring("neuromesh/nodes/".length(), line.indexOf("/status")));
                }
            }
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    /**
     * Starts {@code mosquitto_sub -h 127.0.0.1 -p <port> -v -t <filter>} and returns once it is subscribed: it also
     * subscribes to a probe topic of its own, which this method publishes to until the probe comes back (probe lines
     * are not among the subscriber's lines).
     *
     * @throws IOException if the probe does not come back within 10 s
     */
    public static Subscriber subscribe(int port, String filter) throws IOException, InterruptedException {
        String probe = "neuromesh-test/probe/" + System.nanoTime();
        Subscriber subscriber = start(port, probe, "-t", filter, "-t", probe);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            publish(port, probe, "probe", false);
            if (subscriber.probed.await(100, TimeUnit.MILLISECONDS)) {
                return subscriber;
            }
        } while (System.nanoTime() < deadline);
        subscriber.close();
        throw new IOException("mosquitto_sub -t " + filter + " did not subscribe within 10 s");
    }

    private static Subscriber start(int port, String probe, String... filters) throws IOException {
        List<String> command = new ArrayList<>(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-v"));
        command.addAll(List.of(filters));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new Subscriber(process, probe);
    }
}
