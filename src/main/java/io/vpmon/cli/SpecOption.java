package io.vpmon.cli;

import io.vpmon.ExitCode;
import io.vpmon.VpmonException;
import io.vpmon.spec.Spec;
import io.vpmon.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The -f/--file option every spec-reading command shares, and loading the spec it names. */
final class SpecOption {
    @Option(names = {"-f", "--file"}, paramLabel = "SPEC", defaultValue = "vpmon.yaml",
            description = "The spec file ('-' for standard input). Default: ${DEFAULT-VALUE}.")
    String file;

    /** The spec's name as messages show it. */
    String displayName() {
        return SpecLoader.displayName(file);
    }

    /** The file name alone, as generated files name their source. */
    String fileName() {
        return SpecLoader.STDIN.equals(file) ? SpecLoader.displayName(file) : Path.of(file).getFileName().toString();
    }

    /** The valid spec; its warnings, or all its problems and exit 2, are printed to {@code err}. */
    Spec load(PrintWriter err) {
        return load(file, err);
    }

    /** {@link #load(PrintWriter)} for commands whose spec is optional and has no default file. */
    static Spec load(String file, PrintWriter err) {
        SpecLoader.Result loaded = SpecLoader.load(file, System.in);
        ProblemReport.print(err, loaded.problems());
        if (!loaded.valid()) {
            throw new VpmonException(ExitCode.USAGE, ProblemReport.summary(SpecLoader.displayName(file),
                    loaded.problems()));
        }
        return loaded.spec();
    }
}
