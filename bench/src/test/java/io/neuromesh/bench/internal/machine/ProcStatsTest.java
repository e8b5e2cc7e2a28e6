package io.neuromesh.bench.internal.machine;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcStatsTest {

    @Test
    void readsUserAndSystemTimeAfterANameWithSpacesAndParentheses() {
        String stat = "4242 (java (edge) 1) S 1 4242 4242 0 -1 4194560 31000 0 12 0 250 75 0 0 20 0 40 0 8899 "
                + "3000000000 30000 18446744073709551615 1 1 0 0 0 0 0 2 16800975 0 0 0 17 1 0 0 0 0 0";

        assertEquals(Duration.ofMillis(3250), ProcStats.cpu(stat));
    }

    @Test
    void readsTheResidentSetSizeInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t   81234 kB\nThreads:\t31\n";

        assertEquals(81234L * 1024, ProcStats.rss(status));
    }

    @Test
    void measuresThisProcess() throws Exception {
        ProcStats self = ProcStats.of(ProcessHandle.current().pid());

        assertTrue(self.rssBytes() > 1024 * 1024, "a JVM has more than 1 MB resident");
        assertTrue(self.cpuPercentSince(new ProcStats(Duration.ZERO, 0), Duration.ofDays(1)) >= 0);
    }
}
