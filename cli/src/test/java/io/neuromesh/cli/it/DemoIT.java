package io.neuromesh.cli.it;

import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.process.Launcher;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick start's first command, through the launcher. */
@Timeout(180)
class DemoIT {

    @Test
    void theDemoPrintsTheTruthTableAndExitsAfterItsCycles() throws Exception {
        Launcher launcher = Launcher.forRepository();
        try {
            ManagedProcess.Result demo = launcher.run(150, "demo", "--cycles", "3", "--pause", "0ms",
                    "--port", Integer.toString(FreePorts.next()));
            assertEquals(0, demo.exitCode(), demo.output());
            String out = demo.output();
            assertTrue(out.contains(" x  y  z  LED  settle-ms"), out);
            assertTrue(out.matches("(?s).* 0  1  1  on  +\\d+\\.\\d\\d\\n.*"), out);
            assertTrue(out.matches("(?s).* 1  1  0  off +\\d+\\.\\d\\d\\n.*"), out);
            assertTrue(out.matches("(?s).* 1  0  1  on  +\\d+\\.\\d\\d\\n.*"), out);
            assertTrue(out.matches("(?s).* 0  0  0  off +\\d+\\.\\d\\d\\n.*"), out);
            assertTrue(out.contains("pass 3: LED = z = XOR(x, y) at every step"), out);
            assertTrue(out.contains("mosquitto_sub -h 127.0.0.1 -p ") && out.contains("neuromesh/nodes/n3/gpio/22"), out);
            assertTrue(out.contains("mosquitto_sub -h 127.0.0.1 -p "), out);
        } finally {
            launcher.stopAll();
        }
    }
}
