package io.vpmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.testing.CliResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command documents what it does, shows an example and lists its exit codes. */
class HelpTest {
    private static List<CommandLine> allCommands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                all.addAll(allCommands(sub));
            }
        }
        return all;
    }

    @Test
    void everyCommandHasASummaryAnExampleAndItsExitCodes() {
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
        for (CommandLine cmd : allCommands(root)) {
            String name = cmd.getCommandSpec().qualifiedName();
            String help = cmd.getUsageMessage();
            assertThat(cmd.getCommandSpec().usageMessage().description()).as(name + " description").isNotEmpty();
            assertThat(help).as(name + " help").contains("Examples:").contains("Exit codes:").contains("  vpmon");
            assertThat(cmd.getCommandSpec().usageMessage().exitCodeList()).as(name).containsKey("2");
        }
    }

    @Test
    void helpExitsZeroOnStdout() {
        CliResult r = CliResult.run("generate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: vpmon generate");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void unknownOptionGetsAShortErrorNotTheWholeHelp() {
        CliResult r = CliResult.run("generate", "--chek");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: Unknown option: '--chek'").contains("Possible solutions: --check")
                .contains("Run 'vpmon generate --help' for more.").doesNotContain("Exit codes:");
    }

    @Test
    void misspeltCommandSuggestsTheRightOne() {
        CliResult r = CliResult.run("valdate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Did you mean: vpmon validate");
    }

    @Test
    void noCommandIsAUsageError() {
        CliResult r = CliResult.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: missing command");
    }

    @Test
    void versionIsOneLine() {
        CliResult r = CliResult.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).matches("vpmon \\S+ \\(\\S+\\)\\n");
    }

    @Test
    void committedBashCompletionMatchesTheCommands() throws Exception {
        CliResult r = CliResult.run("completion");
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(Path.of("completions/vpmon.bash")))
                .as("completions/vpmon.bash is stale: run 'make completions'").isEqualTo(r.out());
    }
}
