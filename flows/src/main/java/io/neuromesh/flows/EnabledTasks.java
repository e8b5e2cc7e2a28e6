package io.neuromesh.flows;

import io.neuromesh.flows.internal.wire.Names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the tasks a worker loaded (built-ins, task providers on the class path and in task jars) it runs. A task
 * that is loaded but not enabled is answered with a {@link ErrorKind#NOT_ENABLED} error result. Tasks registered in
 * code ({@link WorkerConfig.Builder#task(Task)}) are always enabled: the program that built the worker chose them.
 *
 * <p>Written as a comma-separated list ({@code --tasks safe,http.fetch}) of task names and the keywords
 * {@value #SAFE_KEYWORD} (the {@link #SAFE_TASK_NAMES safe built-ins}), {@value #ALL_KEYWORD} (everything loaded) and
 * {@value #NONE_KEYWORD} (nothing but tasks registered in code).
 *
 * @param all   every loaded task is enabled
 * @param safe  the {@link #SAFE_TASK_NAMES safe built-ins} are enabled
 * @param names further task names enabled
 * @since 0.2
 */
public record EnabledTasks(boolean all, boolean safe, Set<String> names) {

    /** Keyword for the safe built-ins. */
    public static final String SAFE_KEYWORD = "safe";
    /** Keyword for every loaded task. */
    public static final String ALL_KEYWORD = "all";
    /** Keyword for no provider task at all. */
    public static final String NONE_KEYWORD = "none";
    /**
     * The built-ins that compute only: they read no file, open no connection and start no process. Everything else,
     * {@code http.fetch} and the tasks of task jars among it, must be enabled by name.
     */
    public static final Set<String> SAFE_TASK_NAMES = Set.of("noop", "echo", "sleep", "fail", "wordcount.count",
            "wordcount.merge");
    /** The default of every worker and edge node: the safe built-ins only. */
    public static final EnabledTasks SAFE = new EnabledTasks(false, true, Set.of());
    /** Every loaded task, for a trusted machine whose operator vetted every task jar. */
    public static final EnabledTasks ALL = new EnabledTasks(true, false, Set.of());

    /** Validates the names and copies them (keeping their order). */
    public EnabledTasks {
        if (names == null) {
            throw new IllegalArgumentException("names: must not be null (an empty set enables no further task)");
        }
        List<String> list = new ArrayList<>(names);
        for (int i = 0; i < list.size(); i++) {
            Names.requireTaskName("names[" + i + "]", list.get(i));
        }
        names = Collections.unmodifiableSet(new LinkedHashSet<>(list));
    }

    /**
     * Parses task names and keywords, e.g. {@code of("safe", "http.fetch")}.
     *
     * @throws IllegalArgumentException when an entry is neither a keyword nor a valid task name, or there is none
     */
    public static EnabledTasks of(String... entries) {
        return of(Arrays.asList(entries));
    }

    /** Parses task names and keywords; see {@link #of(String...)}. */
    public static EnabledTasks of(Collection<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("tasks: name at least one task or keyword (" + SAFE_KEYWORD + ", "
                    + ALL_KEYWORD + ", " + NONE_KEYWORD + ")");
        }
        boolean all = false;
        boolean safe = false;
        Set<String> names = new LinkedHashSet<>();
        for (String raw : entries) {
            String entry = raw == null ? null : raw.strip();
            if (ALL_KEYWORD.equals(entry)) {
                all = true;
            } else if (SAFE_KEYWORD.equals(entry)) {
                safe = true;
            } else if (!NONE_KEYWORD.equals(entry)) {
                if (entry == null || !Names.TASK_NAME.matcher(entry).matches()) {
                    throw new IllegalArgumentException("tasks: '" + entry + "' is neither a task name (1-128 of"
                            + " A-Z a-z 0-9 _ . -) nor a keyword (" + SAFE_KEYWORD + ", " + ALL_KEYWORD + ", "
                            + NONE_KEYWORD + ")");
                }
                names.add(entry);
            }
        }
        return new EnabledTasks(all, safe, names);
    }

    /** Parses a comma-separated list, e.g. {@code "safe,http.fetch"}; see {@link #of(String...)}. */
    public static EnabledTasks parse(String list) {
        return of(list == null ? List.of() : Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).toList());
    }

    /** Whether a loaded task of that name may run (tasks registered in code always may). */
    public boolean enables(String task) {
        return all || (safe && SAFE_TASK_NAMES.contains(task)) || names.contains(task);
    }

    /** This list with {@code task} added, e.g. for the hint in an error message. */
    public EnabledTasks plus(String task) {
        Set<String> more = new LinkedHashSet<>(names);
        more.add(task);
        return new EnabledTasks(all, safe, more);
    }

    /** The comma-separated form {@link #parse} reads, e.g. {@code safe,http.fetch}. */
    @Override
    public String toString() {
        List<String> entries = new ArrayList<>();
        if (all) {
            entries.add(ALL_KEYWORD);
        }
        if (safe) {
            entries.add(SAFE_KEYWORD);
        }
        entries.addAll(names);
        return entries.isEmpty() ? NONE_KEYWORD : String.join(",", entries);
    }
}
