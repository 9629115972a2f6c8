package io.vpmon.cli;

import io.vpmon.VpmonException;
import io.vpmon.drift.FeatureExtraction;
import io.vpmon.drift.image.ImageFileReader.PngDecoder;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** How images are read, shared by drift check and drift extract. */
final class DriftOptions {
    @Option(names = "--threads", paramLabel = "N", description = "Threads decoding images. Default: one per processor.")
    Integer threads;

    @Option(names = "--strict", description = "Stop with exit code 2 at the first file that looks like an image "
            + "but cannot be decoded, instead of reporting and skipping it.")
    boolean strict;

    @Option(names = "--png-decoder", paramLabel = "DECODER", defaultValue = "stream", hidden = true,
            description = "stream (sums while inflating, the default) or imageio (for comparison).")
    PngDecoder pngDecoder;

    @Option(names = "--no-progress", description = "Never show the progress bar (it only appears on a terminal "
            + "for " + DriftProgressBar.MIN_FILES + " files or more, and never when CI is set).")
    boolean noProgress;

    FeatureExtraction.Settings settings(FeatureExtraction.Progress progress) {
        if (threads != null && threads < 1) {
            throw VpmonException.usage("--threads " + threads + ": at least 1");
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new FeatureExtraction.Settings(n, pngDecoder, strict, progress);
    }

    FeatureExtraction.Progress progress(PrintWriter err) {
        return DriftProgressBar.create(err, noProgress, System::getenv);
    }
}
