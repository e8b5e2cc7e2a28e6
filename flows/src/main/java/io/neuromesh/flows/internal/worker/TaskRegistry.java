package io.neuromesh.flows.internal.worker;

import io.neuromesh.flows.EnabledTasks;
import io.neuromesh.flows.Task;
import io.neuromesh.flows.TaskProvider;
import io.neuromesh.flows.internal.wire.Names;
import org.tinylog.Logger;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tasks of one worker: providers on the class path (the built-ins among them), providers in the jars of the
 * task folder, then tasks registered in code, which win over providers of the same name. Of the providers' tasks only
 * the enabled ones run; tasks registered in code always do.
 */
public final class TaskRegistry implements AutoCloseable {

    private final Map<String, Task<?, ?>> tasks;
    private final Set<String> enabledNames;
    private final EnabledTasks enabled;
    private final Map<Path, List<String>> jarTasks;
    private final URLClassLoader jarLoader;

    private TaskRegistry(Map<String, Task<?, ?>> tasks, Set<String> enabledNames, EnabledTasks enabled,
                         Map<Path, List<String>> jarTasks, URLClassLoader jarLoader) {
        this.tasks = tasks;
        this.enabledNames = enabledNames;
        this.enabled = enabled;
        this.jarTasks = jarTasks;
        this.jarLoader = jarLoader;
    }

    /**
     * Loads the tasks.
     *
     * @param taskDir folder of jars, or null; a missing folder holds no jars
     * @param inCode  tasks registered in code (always enabled)
     * @param enabled which of the providers' tasks run
     * @throws IllegalArgumentException when {@code enabled} names a task that none provides
     * @throws IllegalStateException    when the folder is unsafe or cannot be read, or a provider fails to load
     */
    public static TaskRegistry load(Path taskDir, List<Task<?, ?>> inCode, EnabledTasks enabled) {
        Map<String, Task<?, ?>> tasks = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        ClassLoader own = TaskRegistry.class.getClassLoader();
        addProviders(ServiceLoader.load(TaskProvider.class, own), null, "the class path", tasks, origins, null);
        URLClassLoader jarLoader = null;
        Map<Path, List<String>> jarTasks = new LinkedHashMap<>();
        List<Path> jars = taskDir == null ? List.of() : TaskFolder.jars(taskDir, TaskFolder.currentUser(taskDir));
        if (!jars.isEmpty()) {
            jarLoader = new URLClassLoader(jars.stream().map(TaskRegistry::url).toArray(URL[]::new), own);
            for (Path jar : jars) {
                jarTasks.put(jar.toAbsolutePath(), new ArrayList<>());
            }
            try {
                addProviders(ServiceLoader.load(TaskProvider.class, jarLoader), jarLoader, taskDir.toString(), tasks,
                        origins, jarTasks);
            } catch (IllegalStateException e) {
                close(jarLoader);
                throw e;
            }
        }
        Set<String> enabledNames = new TreeSet<>();
        for (Task<?, ?> task : inCode) {
            Names.requireTaskName("task name", task.name());
            tasks.put(task.name(), task);
            enabledNames.add(task.name());
        }
        List<String> unknown = enabled.names().stream().filter(name -> !tasks.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            close(jarLoader);
            throw new IllegalArgumentException("tasks: unknown task" + (unknown.size() == 1 ? " '" : "s '")
                    + String.join("', '", unknown) + "'; known tasks: " + String.join(", ", new TreeSet<>(tasks.keySet())));
        }
        tasks.keySet().stream().filter(enabled::enables).forEach(enabledNames::add);
        Map<Path, List<String>> loaded = new LinkedHashMap<>();
        jarTasks.forEach((jar, names) -> {
            Logger.info("task jar {}: {}", jar, names.isEmpty() ? "no tasks" : String.join(", ", names));
            loaded.put(jar, List.copyOf(names));
        });
        return new TaskRegistry(Collections.unmodifiableMap(tasks), Collections.unmodifiableSet(enabledNames),
                enabled, Collections.unmodifiableMap(loaded), jarLoader);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("task jar " + jar + ": " + e.getMessage(), e);
        }
    }

    /** The jar a provider came from (all jars share one class loader, so its class knows, not the loader). */
    private static Path jarOf(TaskProvider provider) {
        try {
            return Path.of(provider.getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("(unknown jar of " + provider.getClass().getName() + ")");
        }
    }

    private static void addProviders(ServiceLoader<TaskProvider> loader, ClassLoader only, String where,
                                     Map<String, Task<?, ?>> tasks, Map<String, String> origins,
                                     Map<Path, List<String>> jarTasks) {
        try {
            for (TaskProvider provider : loader) {
                // A jar loader also sees the parent's providers; those are loaded already.
                if (only != null && provider.getClass().getClassLoader() != only) {
                    continue;
                }
                String origin = provider.getClass().getName() + " in " + where;
                for (Task<?, ?> task : provider.tasks()) {
                    Names.requireTaskName("task name of " + origin, task.name());
                    String earlier = origins.putIfAbsent(task.name(), origin);
                    if (earlier != null) {
                        Logger.warn("task '{}' of {} ignored: {} provides it already", task.name(), origin, earlier);
                    } else {
                        tasks.put(task.name(), task);
                        if (jarTasks != null) {
                            jarTasks.computeIfAbsent(jarOf(provider), jar -> new ArrayList<>()).add(task.name());
                        }
                    }
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a task provider in " + where + " failed to load: " + e.getMessage(), e);
        }
    }

    /** The loaded task of that name (enabled or not), or null. */
    @SuppressWarnings("unchecked")
    public Task<Object, Object> get(String name) {
        return (Task<Object, Object>) tasks.get(name);
    }

    /** Names of the tasks it runs, sorted. */
    public Set<String> names() {
        return enabledNames;
    }

    /** Names of the tasks loaded but not enabled, sorted. */
    public Set<String> disabled() {
        Set<String> disabled = new TreeSet<>(tasks.keySet());
        disabled.removeAll(enabledNames);
        return Collections.unmodifiableSet(disabled);
    }

    /** Whether the task of that name runs. */
    public boolean enabled(String name) {
        return enabledNames.contains(name);
    }

    /** The error for a task that is loaded but not enabled, with the option that enables it. */
    public String notEnabled(String name, String worker) {
        return "task '" + name + "' is not enabled on worker " + worker + "; start it with --tasks "
                + enabled.plus(name);
    }

    /** The task names each jar of the task folder brought, in the order the jars loaded. */
    public Map<Path, List<String>> jarTasks() {
        return jarTasks;
    }

    /** Closes the class loader of the task jars. */
    @Override
    public void close() {
        close(jarLoader);
    }

    private static void close(URLClassLoader loader) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                Logger.debug("closing the task jar loader: {}", e.getMessage());
            }
        }
    }
}
