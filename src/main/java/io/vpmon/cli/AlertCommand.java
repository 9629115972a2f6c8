package io.vpmon.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "alert",
        description = "Check alert routing: offline from the spec (routes), or against a running Alertmanager (test).",
        mixinStandardHelpOptions = true,
        subcommands = {AlertRoutesCommand.class, AlertTestCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  vpmon alert routes -f vpmon.yaml severity=critical alertname=ServiceUnavailable",
            "  vpmon alert test -f vpmon.yaml --alertmanager http://localhost:9093 --all"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK, ExitCodes.CHECK_FAILED, ExitCodes.USAGE, ExitCodes.UNAVAILABLE})
final class AlertCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: routes or test");
    }
}
