package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.NeuromeshCommand;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * {@code neuromesh completion}: prints the bash/zsh completion script of this very command tree, the script the build
 * writes to {@code cli/target/neuromesh_completion} plus the registration for {@code ./neuromesh}. Use: {@code source <(./neuromesh completion)}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"print the bash/zsh completion script", "Use: source <(./neuromesh completion)"})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String name = spec.root().name();
        PrintStream out = NeuromeshCommand.out(spec);
        out.print(AutoComplete.bash(name, spec.root().commandLine()));
        // The script registers the bare name; the README runs the launcher by its path.
        out.println("complete -F _complete_" + name + " -o default ./" + name);
        return 0;
    }
}
