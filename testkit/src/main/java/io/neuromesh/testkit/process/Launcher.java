package io.neuromesh.testkit.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code ./neuromesh} commands as separate OS processes, exactly as a user types them. The launcher is run with
 * {@code NEUROMESH_NO_BUILD=1}: the test suite has just built the jar, so the launcher must not rebuild it.
 */
public final class Launcher {

    private final Path executable;
    private final Path root;
    private final Path logs;
    private final List<ManagedProcess> started = new ArrayList<>();

    private Launcher(Path executable, Path root, Path logs) {
        this.executable = executable;
        this.root = root;
        this.logs = logs;
    }

    /**
     * A launcher for another {@code neuromesh} executable (an installed {@code /usr/bin/neuromesh}, say), run in
     * {@code dir}; process logs go to a temp folder.
     */
    public static Launcher forExecutable(Path executable, Path dir) throws IOException {
        return new Launcher(executable, dir, TestFolders.create("neuromesh-processes"));
    }

    /** A launcher for the repository that contains the working directory; process logs go to a temp folder. */
    public static Launcher forRepository() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("neuromesh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IOException("no ./neuromesh launcher above " + Path.of("").toAbsolutePath());
        }
        return forExecutable(dir.resolve("neuromesh"), dir);
    }

    /** The {@code NEUROMESH_HOME} of the processes it starts (a folder of this launcher's own; see ManagedProcess). */
    public Path home() {
        return logs.resolve("home");
    }

    /** The repository root (the working directory of the processes). */
    public Path root() {
        return root;
    }

    /** Starts {@code ./neuromesh <args>} in the background; {@code name} names its log file. */
    public ManagedProcess start(String name, String... args) throws IOException {
        return start(name, Map.of(), null, args);
    }

    /**
     * Starts {@code ./neuromesh <args>} in the background with more environment variables and, unless null,
     * {@code stdin} on its standard input (then closed), as {@code echo "$PW" | ./neuromesh user add ...} does.
     */
    public ManagedProcess start(String name, Map<String, String> env, String stdin, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        ManagedProcess process = ManagedProcess.start(name, command, root, logs.resolve(name + ".log"), env, stdin);
        started.add(process);
        return process;
    }

    /** Runs {@code ./neuromesh <args>} to completion (or until {@code timeoutSeconds}) and returns its result. */
    public ManagedProcess.Result run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        return run(timeoutSeconds, Map.of(), null, args);
    }

    /** As {@link #run(long, String...)}, with the environment and standard input of {@code start}. */
    public ManagedProcess.Result run(long timeoutSeconds, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        String name = "run-" + started.size() + "-" + (args.length == 0 ? "" : args[0]);
        return start(name, env, stdin, args).awaitExit(timeoutSeconds);
    }

    /** Stops every process this launcher started (SIGTERM, then SIGKILL after a grace period). */
    public void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        started.clear();
    }
}
