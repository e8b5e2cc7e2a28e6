package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.NeuromeshCommand;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code neuromesh completion}: prints the bash/zsh completion script of this very command tree, the same script the
 * build writes to {@code cli/target/neuromesh_completion}. Use: {@code source <(./neuromesh completion)}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"print the bash/zsh completion script", "Use: source <(./neuromesh completion)"})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        NeuromeshCommand.out(spec).print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        return 0;
    }
}
