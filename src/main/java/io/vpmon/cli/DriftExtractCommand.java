package io.vpmon.cli;

import io.vpmon.ExitCode;
import io.vpmon.VpmonException;
import io.vpmon.drift.DriftExtract;
import io.vpmon.drift.FeatureExtraction;
import io.vpmon.drift.Shard;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "extract",
        description = {"Write per-image features to a CSV, to check batches read elsewhere or in shards.",
            "One row per image under the folders: path, mean_brightness, std_brightness, mean_r, mean_g, mean_b; "
                + "for 'vpmon drift check --reference-features/--current-features'.",
            "Extract a huge batch in parallel jobs with --shard INDEX/COUNT (each job takes the files whose relative "
                + "path hashes to its INDEX), then check all the CSVs in one place: same results as from the images."},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  vpmon drift extract data/train -o train.csv",
            "  # one pod of a Kubernetes Indexed Job with 8 completions:",
            "  vpmon drift extract /data/new --shard $${JOB_COMPLETION_INDEX}/8 \\",
            "      -o /out/cur-$${JOB_COMPLETION_INDEX}.csv",
            "  vpmon drift check --reference-features train.csv \\",
            "      --current-features /out/cur-*.csv"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:features written (unreadable images are reported on stderr and skipped)",
            "2:bad usage or input: missing folder, unwritable output, an unreadable image with --strict",
            ExitCodes.SOFTWARE})
final class DriftExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Folders of images, read recursively.")
    List<Path> folders;

    @Option(names = {"-o", "--output-file"}, paramLabel = "CSV", required = true,
            description = "Where to write the features ('-' for standard output); replaced atomically.")
    String outputFile;

    @Option(names = "--shard", paramLabel = "INDEX/COUNT", defaultValue = "0/1",
            description = "Only this part of the files, e.g. 3/8 (the fourth of eight). Default: all.")
    String shard;

    @Mixin
    DriftOptions reading;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Shard part = Shard.parse(shard);
        FeatureExtraction.Progress progress = reading.progress(err);
        DriftExtract.Request request = new DriftExtract.Request(folders, part, reading.settings(progress));
        DriftExtract.Result result;
        try {
            result = "-".equals(outputFile) ? DriftExtract.run(request, spec.commandLine().getOut())
                    : writeAtomically(Path.of(outputFile), request);
        } finally {
            DriftProgressBar.finish(progress);
        }
        result.skipped().forEach(s -> err.println("warning: skipped " + s.describe()));
        err.println("wrote features of " + result.written() + (result.written() == 1 ? " image" : " images") + " to "
                + ("-".equals(outputFile) ? "standard output" : outputFile)
                + (part.count() > 1 ? " (shard " + part.index() + "/" + part.count() + ")" : "")
                + (result.skipped().isEmpty() ? "" : "; " + result.skipped().size() + " unreadable skipped")
                + (result.notImages() == 0 ? "" : "; " + result.notImages() + " non-image files ignored"));
        return ExitCode.OK;
    }

    private static DriftExtract.Result writeAtomically(Path target, DriftExtract.Request request) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw VpmonException.usage("-o " + target + " is a folder; give a file name such as " + target.resolve("features.csv"));
        }
        Path folder = absolute.getParent();
        if (!Files.isDirectory(folder)) {
            throw VpmonException.usage("-o " + target + ": no such folder " + folder);
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            DriftExtract.Result result;
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8), 1 << 16)) {
                result = DriftExtract.run(request, out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            return result;
        } catch (IOException e) {
            throw VpmonException.usage("-o " + target + ": cannot write: " + e.getMessage());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a hidden leftover temporary file is harmless
                }
            }
        }
    }
}
