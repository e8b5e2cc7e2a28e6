package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Home;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.flows.EnabledTasks;
import io.neuromesh.flows.Worker;
import io.neuromesh.flows.WorkerConfig;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The worker options {@code worker} and {@code edge} share: which tasks run ({@code --tasks}) and where task jars come
 * from ({@code --task-dir}); and how a worker tells what it loaded.
 */
public final class TaskOptions {

    @Option(names = "--tasks", paramLabel = "LIST", defaultValue = EnabledTasks.SAFE_KEYWORD,
            description = "tasks this worker runs, comma separated: task names and the keywords 'safe' (the built-ins"
                    + " that only compute: noop, echo, sleep, fail, wordcount.count, wordcount.merge), 'all' and"
                    + " 'none' (default: ${DEFAULT-VALUE}). Nothing that reaches the network runs unless named:"
                    + " e.g. --tasks safe,http.fetch,shout. Others are answered with a not_enabled error.")
    private String tasks;
    @Option(names = "--task-dir", paramLabel = "DIR", description = "folder of task jars; it and its jars must belong"
            + " to the user running the worker and be writable by nobody else (default: $" + Home.ENV + "/tasks, now"
            + " ${DEFAULT-VALUE})")
    private Path taskDir = Home.current().tasks();

    /** Sets the task folder and the enabled tasks on {@code builder}. */
    public WorkerConfig.Builder apply(WorkerConfig.Builder builder) {
        try {
            return builder.taskDir(taskDir).enabledTasks(EnabledTasks.parse(tasks));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
    }

    /**
     * Builds a worker (loads its tasks), saying in option terms why not.
     *
     * @throws UsageException         when {@code --tasks} names a task it does not have
     * @throws CommandFailedException when the task folder is unsafe or a jar does not load
     */
    public static Worker create(WorkerConfig config) {
        try {
            return Worker.create(config);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        } catch (IllegalStateException e) {
            throw new CommandFailedException(e.getMessage());
        }
    }

    /** Prints what the worker loaded: each task jar with its tasks, the tasks it runs, the ones not enabled. */
    public static void print(PrintStream out, Worker worker) {
        for (Map.Entry<Path, List<String>> jar : worker.taskJars().entrySet()) {
            out.println("task jar " + jar.getKey() + ": " + (jar.getValue().isEmpty() ? "no tasks"
                    : String.join(", ", new TreeSet<>(jar.getValue()))));
        }
        out.println("tasks: " + String.join(", ", worker.taskNames()));
        if (!worker.disabledTaskNames().isEmpty()) {
            out.println("not enabled: " + String.join(", ", worker.disabledTaskNames()) + " (--tasks "
                    + worker.config().enabledTasks().plus("NAME") + " enables one)");
        }
    }
}
