package io.neuromesh.broker;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds non-daemon threads started after a snapshot: they would keep a JVM from exiting. */
final class NonDaemonThreads {

    private static final long JOIN_MS = 10_000;

    private final Set<Thread> before = Thread.getAllStackTraces().keySet();

    /** The names of non-daemon threads started since construction that are still alive after a bounded join. */
    List<String> leftBehind() throws InterruptedException {
        List<Thread> fresh = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.isDaemon() && !before.contains(t))
                .toList();
        for (Thread thread : fresh) {
            thread.join(JOIN_MS);
        }
        return fresh.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList());
    }
}
