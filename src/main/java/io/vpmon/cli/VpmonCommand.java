package io.vpmon.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "vpmon",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Monitoring for ML model APIs from one spec: Prometheus config, alert rules and their tests, "
                + "Alertmanager routing, dashboards and runbooks; SLO reports, image drift checks and alert delivery tests.",
        subcommands = {InitCommand.class, ValidateCommand.class, GenerateCommand.class, AlertCommand.class,
            DriftCommand.class, CompletionCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  vpmon init vpmon.yaml", "  vpmon validate -f vpmon.yaml", "  vpmon generate -f vpmon.yaml -o out/"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK, ExitCodes.CHECK_FAILED, ExitCodes.USAGE, ExitCodes.UNAVAILABLE, ExitCodes.SOFTWARE})
final class VpmonCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error (for bug reports).")
    boolean stacktrace;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }
}
