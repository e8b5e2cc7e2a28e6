package io.neuromesh.cli.it;

import io.neuromesh.testkit.process.Launcher;
import io.neuromesh.testkit.process.MosquittoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

/** What the README walkthroughs share: the launcher, the user's mosquitto clients, and cleanup of every process. */
abstract class WalkthroughBase {

    static final Duration STARTUP = Duration.ofSeconds(60);

    Launcher launcher;

    @BeforeEach
    void startLauncher() throws Exception {
        MosquittoClients.assumeInstalled();
        launcher = Launcher.forRepository();
    }

    @AfterEach
    void stopProcesses() {
        if (launcher != null) {
            launcher.stopAll();
        }
    }
}
