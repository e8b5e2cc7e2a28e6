package io.neuromesh.cli.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * The one folder every Neuromesh process on this machine keeps its files in: {@code $NEUROMESH_HOME}, else
 * {@code ~/.neuromesh}. The broker's data, each node's state and the worker's task jars live in its subfolders; the
 * libraries take these folders from the command line and never look for a home themselves.
 *
 * @param root the home folder
 */
public record Home(Path root) {

    /** The environment variable naming the home folder. */
    public static final String ENV = "NEUROMESH_HOME";

    /** @return the home of this process's environment */
    public static Home current() {
        return of(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * @param env      the environment
     * @param userHome the user's home folder, used when {@code NEUROMESH_HOME} is unset or blank
     * @return {@code $NEUROMESH_HOME}, else {@code <userHome>/.neuromesh}
     */
    public static Home of(Map<String, String> env, String userHome) {
        String set = env.get(ENV);
        return new Home(set == null || set.isBlank() ? Path.of(userHome, ".neuromesh") : Path.of(set));
    }

    /** @return the embedded broker's persistence folder, {@code <home>/broker} */
    public Path broker() {
        return root.resolve("broker");
    }

    /** @return a node's state folder, {@code <home>/nodes/<node>} */
    public Path node(String node) {
        return root.resolve("nodes").resolve(node);
    }

    /** @return the worker's folder of task jars, {@code <home>/tasks} */
    public Path tasks() {
        return root.resolve("tasks");
    }
}
