package io.neuromesh.cli.internal;

import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bash/zsh completion script of the whole command tree to the file named by its one argument; the build
 * runs it ({@code cli/target/neuromesh_completion}, which the packages install). picocli's own generator cannot: it
 * builds the tree from the root's annotation, and the commands are registered in code (see {@link Subcommands}).
 */
public final class CompletionScript {

    private CompletionScript() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompletionScript FILE");
        }
        CommandLine tree = Cli.create(System.out, System.err, CommandLine.defaultFactory());
        Files.writeString(Path.of(args[0]), AutoComplete.bash("neuromesh", tree));
    }
}
