package io.vpmon.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "drift",
        description = "Has the input distribution moved? Two-sample Kolmogorov-Smirnov tests on per-image statistics "
                + "(luma mean and spread, mean R, G, B) of a reference and a current batch of images.",
        mixinStandardHelpOptions = true,
        subcommands = {DriftCheckCommand.class, DriftExtractCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  vpmon drift check --reference data/train --current data/last-week",
            "  vpmon drift extract data/last-week -o last-week.csv"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no drift (check) or features written (extract)", "1:drift detected (check)", ExitCodes.USAGE,
            "3:the Pushgateway was unreachable or refused the metrics (check)"})
final class DriftCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: check or extract");
    }
}
