package io.neuromesh.flows.testing;

import io.neuromesh.testkit.process.TestFolders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a task jar as a user would: a {@code TaskProvider} compiled from source, listed in
 * {@code META-INF/services}, packed into a jar that is not on the test class path.
 */
public final class TaskJars {

    private TaskJars() {
    }

    /**
     * A jar in {@code dir} whose provider {@code demo.ShoutProvider} contributes {@code shout}: a string in, the
     * string upper-cased with {@code "!"} out.
     */
    public static Path shoutJar(Path dir) throws IOException {
        Path src = TestFolders.create("shout-src");
        Path classes = TestFolders.create("shout-classes");
        Path source = src.resolve("demo/ShoutProvider.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package demo;

                import io.neuromesh.flows.Task;
                import io.neuromesh.flows.TaskProvider;
                import java.util.Collection;
                import java.util.List;

                public final class ShoutProvider implements TaskProvider {
                    @Override
                    public Collection<Task<?, ?>> tasks() {
                        return List.of(Task.of("shout", String.class, (text, context) -> text.toUpperCase() + "!"));
                    }
                }
                """);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, OutputStream.nullOutputStream(), errors, "--release", "21", "-cp",
                System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
        if (status != 0) {
            throw new IOException("compiling the task provider failed: " + errors.toString(StandardCharsets.UTF_8));
        }
        Files.createDirectories(dir);
        Path jar = dir.resolve("shout-tasks.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.neuromesh.flows.TaskProvider"));
            out.write("demo.ShoutProvider\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
