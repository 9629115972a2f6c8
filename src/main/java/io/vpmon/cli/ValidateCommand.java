package io.vpmon.cli;

import io.vpmon.ExitCode;
import io.vpmon.spec.SpecLoader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        description = "Check a spec and report every problem at once, as file:line:column: message, with a hint.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  vpmon validate -f vpmon.yaml", "  vpmon validate -f vpmon.yaml --output json | jq .problems"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the spec is valid (warnings may have been printed)", ExitCodes.USAGE})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SpecOption specOption;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        SpecLoader.Result result = SpecLoader.load(specOption.file, System.in);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String file = specOption.displayName();
        if (output.json()) {
            Json.print(out, ProblemReport.json(file, result.problems()));
        } else {
            ProblemReport.print(err, result.problems());
            (result.valid() ? out : err).println(ProblemReport.summary(file, result.problems()));
        }
        return result.valid() ? ExitCode.OK : ExitCode.USAGE;
    }
}
