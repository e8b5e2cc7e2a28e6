package io.neuromesh.cli.internal.command.join;

import io.neuromesh.cli.internal.CommandFailedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The service manager, when it runs: whether it does, and starting a unit with {@code systemctl}. */
final class Systemd {

    /** Exists exactly when systemd is the running service manager (what {@code sd_booted()} checks). */
    private static final Path BOOTED = Path.of("/run/systemd/system");
    private static final long SYSTEMCTL_TIMEOUT_S = 90;

    private Systemd() {
    }

    /** @return whether systemd runs this machine's services */
    static boolean running() {
        return Files.isDirectory(BOOTED);
    }

    /**
     * Enables {@code unit} and starts it, or restarts it when it runs already (so it reads the new config).
     *
     * @return what was done, e.g. {@code systemctl enable --now neuromesh-edge}
     * @throws CommandFailedException when {@code systemctl} fails, with its output
     */
    static String enableAndStart(String unit) {
        boolean active = systemctl(false, "is-active", "--quiet", unit);
        if (active) {
            systemctl(true, "enable", unit);
            systemctl(true, "restart", unit);
            return "systemctl enable " + unit + " && systemctl restart " + unit + " (it was running)";
        }
        systemctl(true, "enable", "--now", unit);
        return "systemctl enable --now " + unit;
    }

    /** @return whether it exited 0; when {@code mustSucceed}, a failure throws with systemctl's output */
    private static boolean systemctl(boolean mustSucceed, String... args) {
        List<String> command = new ArrayList<>(List.of("systemctl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(SYSTEMCTL_TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CommandFailedException(String.join(" ", command) + " did not finish within "
                        + SYSTEMCTL_TIMEOUT_S + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0 && mustSucceed) {
                throw new CommandFailedException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + (output.isEmpty() ? "" : ": " + output) + ")");
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            throw new CommandFailedException("cannot run systemctl (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted while running " + String.join(" ", command));
        }
    }
}
