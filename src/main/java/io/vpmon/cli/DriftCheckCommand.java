package io.vpmon.cli;

import io.vpmon.ExitCode;
import io.vpmon.VpmonException;
import io.vpmon.drift.DriftCheck;
import io.vpmon.drift.DriftCriteria;
import io.vpmon.drift.FeatureExtraction;
import io.vpmon.drift.metrics.MetricsPublisher;
import io.vpmon.spec.DriftSettings;
import io.vpmon.spec.DriftSettings.Correction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check",
        description = {"Test whether a current batch of images has drifted from a reference batch.",
            "Per image feature (mean_brightness, std_brightness, mean_r, mean_g, mean_b) a two-sample "
                + "Kolmogorov-Smirnov test, p-values as scipy's ks_2samp computes them, corrected for testing several "
                + "features; the batch drifts when any feature's corrected p-value is below alpha (and its KS "
                + "statistic D reaches --min-effect).",
            "The drift score is the largest D among drifting features (0 when none): how much of the distribution "
                + "moved, not how significant that is. Folders are read recursively; files that are not images "
                + "(by content) are ignored; images that cannot be decoded are reported and skipped."},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  vpmon drift check --reference data/train --current data/2024-06-01",
            "  vpmon drift check -f vpmon.yaml --reference data/train \\",
            "      --current incoming/ --output json",
            "  vpmon drift check --reference-features train.csv --current incoming/ \\",
            "      --min-effect 0.05 --pushgateway http://pushgateway:9091 \\",
            "      --textfile /var/lib/node_exporter/textfile/vpmon_drift.prom",
            "  # from the CSVs of 'vpmon drift extract' shards:",
            "  vpmon drift check --reference-features ref-*.csv \\",
            "      --current-features cur-*.csv"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no drift", "1:drift: at least one feature drifted",
            "2:bad usage or input: unknown option, invalid spec or CSV, missing folder, too few images "
                + "(--min-images), an unreadable image with --strict, an unwritable --textfile",
            "3:the Pushgateway was unreachable or refused the metrics (the results are still printed)",
            ExitCodes.SOFTWARE})
final class DriftCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reference", paramLabel = "DIR", description = "Folder of reference images (repeatable).")
    List<Path> referenceFolders = new ArrayList<>();

    @Option(names = "--current", paramLabel = "DIR", description = "Folder of current images (repeatable).")
    List<Path> currentFolders = new ArrayList<>();

    @Option(names = "--reference-features", paramLabel = "CSV", arity = "1..*",
            description = "Reference features written by 'vpmon drift extract' (several files, e.g. shards).")
    List<Path> referenceCsvs = new ArrayList<>();

    @Option(names = "--current-features", paramLabel = "CSV", arity = "1..*",
            description = "Current features written by 'vpmon drift extract'.")
    List<Path> currentCsvs = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "SPEC",
            description = "A spec whose drift section gives the defaults of the options below and whose service "
                    + "name labels the metrics.")
    String specFile;

    @Option(names = "--alpha", paramLabel = "P", description = "Significance level for the corrected p-values. Default: 0.05.")
    Double alpha;

    @Option(names = "--correction", paramLabel = "METHOD",
            description = "Multiple-testing correction: holm (default; the features are correlated), bonferroni, "
                    + "bh (Benjamini-Hochberg) or none.")
    Correction correction;

    @Option(names = "--min-effect", paramLabel = "D",
            description = "Also require the KS statistic D to reach this (0 to 1) before a feature counts as drifted, "
                    + "so large batches do not flag negligible shifts. Default: 0.")
    Double minEffect;

    @Option(names = "--min-images", paramLabel = "N", description = "Fewest images each batch needs. Default: 10.")
    Integer minImages;

    @Option(names = "--features", paramLabel = "LIST", split = ",",
            description = "Features to test, comma-separated. Default: all five.")
    List<String> features;

    @Mixin
    OutputOption output;

    @Option(names = "--pushgateway", paramLabel = "URL",
            description = "Also push the results as Prometheus metrics to this Pushgateway (PUT, grouped by job "
                    + "and service).")
    String pushgatewayUrl;

    @Option(names = "--job", paramLabel = "NAME", defaultValue = "vpmon-drift",
            description = "The job label of the push. Default: ${DEFAULT-VALUE}.")
    String job;

    @Option(names = "--textfile", paramLabel = "PATH",
            description = "Also write the metrics to this file for node_exporter's textfile collector (atomically).")
    Path textfile;

    @Mixin
    DriftOptions reading;

    @Option(names = "--decode-only", hidden = true,
            description = "Benchmark aid: decode the folders' images as a check would, compute nothing, exit 0.")
    boolean decodeOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        io.vpmon.spec.Spec loaded = specFile != null ? SpecOption.load(specFile, err) : null;
        DriftSettings defaults = loaded != null ? loaded.drift() : null;
        String service = loaded != null ? loaded.service().name() : null;
        DriftCriteria criteria = DriftCriteria.of(defaults, alpha, correction, minEffect, minImages, features);
        MetricsPublisher publisher = new MetricsPublisher(new MetricsPublisher.Request(textfile, pushgatewayUrl, job,
                service));

        FeatureExtraction.Progress progress = reading.progress(err);
        DriftCheck.Request request = new DriftCheck.Request(referenceFolders, currentFolders, referenceCsvs, currentCsvs,
                criteria, reading.settings(progress));
        DriftCheck.Result result;
        try {
            if (decodeOnly) {
                out.println("decoded " + DriftCheck.decodeOnly(request) + " images");
                return ExitCode.OK;
            }
            result = DriftCheck.run(request);
        } finally {
            DriftProgressBar.finish(progress);
        }

        MetricsPublisher.Publication published = publisher.publish(result, System.currentTimeMillis() / 1000.0);
        result.skipped().forEach(s -> err.println("warning: skipped " + s.describe()));
        if (output.json()) {
            Json.print(out, DriftCheckReport.json(result, service, published));
        } else {
            DriftCheckReport.print(out, result, service, published);
        }
        published.errors().forEach(e -> err.println("error: " + e.getMessage()));
        if (!published.errors().isEmpty()) {
            // a broken metrics pipeline outranks the verdict, which the output above still carries
            return published.errors().stream().mapToInt(VpmonException::exitCode).max().getAsInt();
        }
        return result.report().drift() ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

}
