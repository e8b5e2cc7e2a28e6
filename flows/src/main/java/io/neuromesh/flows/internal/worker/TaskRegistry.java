package io.neuromesh.flows.internal.worker;

import io.neuromesh.flows.Task;
import io.neuromesh.flows.TaskProvider;
import io.neuromesh.flows.internal.wire.Names;
import org.tinylog.Logger;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
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
import java.util.stream.Stream;

/**
 * The tasks of one worker: providers on the class path (the built-ins among them), providers in the jars of the
 * task folder, then tasks registered in code, which win over providers of the same name.
 */
public final class TaskRegistry implements AutoCloseable {

    private final Map<String, Task<?, ?>> tasks;
    private final URLClassLoader jarLoader;

    private TaskRegistry(Map<String, Task<?, ?>> tasks, URLClassLoader jarLoader) {
        this.tasks = tasks;
        this.jarLoader = jarLoader;
    }

    /**
     * Loads the tasks.
     *
     * @param taskDir folder of jars, or null; a missing folder holds no jars
     * @param inCode  tasks registered in code
     * @throws IllegalStateException when the folder cannot be read or a provider fails to load
     */
    public static TaskRegistry load(Path taskDir, List<Task<?, ?>> inCode) {
        Map<String, Task<?, ?>> tasks = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        ClassLoader own = TaskRegistry.class.getClassLoader();
        addProviders(ServiceLoader.load(TaskProvider.class, own), null, "the class path", tasks, origins);
        URLClassLoader jarLoader = null;
        List<URL> jars = jars(taskDir);
        if (!jars.isEmpty()) {
            jarLoader = new URLClassLoader(jars.toArray(URL[]::new), own);
            addProviders(ServiceLoader.load(TaskProvider.class, jarLoader), jarLoader, taskDir.toString(), tasks,
                    origins);
        }
        for (Task<?, ?> task : inCode) {
            Names.requireTaskName("task name", task.name());
            tasks.put(task.name(), task);
        }
        return new TaskRegistry(Collections.unmodifiableMap(tasks), jarLoader);
    }

    private static List<URL> jars(Path taskDir) {
        if (taskDir == null || !Files.isDirectory(taskDir)) {
            return List.of();
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(taskDir)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException("task folder " + taskDir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("task folder " + taskDir + " cannot be read: " + e.getMessage(), e);
        }
        return urls;
    }

    private static void addProviders(ServiceLoader<TaskProvider> loader, ClassLoader only, String where,
                                     Map<String, Task<?, ?>> tasks, Map<String, String> origins) {
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
                    }
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a task provider in " + where + " failed to load: " + e.getMessage(), e);
        }
    }

    /** The task of that name, or null. */
    @SuppressWarnings("unchecked")
    public Task<Object, Object> get(String name) {
        return (Task<Object, Object>) tasks.get(name);
    }

    /** All task names, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(tasks.keySet()));
    }

    /** Closes the class loader of the task jars. */
    @Override
    public void close() {
        if (jarLoader != null) {
            try {
                jarLoader.close();
            } catch (IOException e) {
                Logger.debug("closing the task jar loader: {}", e.getMessage());
            }
        }
    }
}
