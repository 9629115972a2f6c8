package io.vpmon.drift;

import io.vpmon.VpmonException;
import io.vpmon.drift.image.ImageFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vpmon drift check} without the command line: gathers each batch's features from image
 * folders and/or feature CSVs, then runs {@link DriftAnalysis}.
 */
public final class DriftCheck {
    public static final String REFERENCE = "reference";
    public static final String CURRENT = "current";

    private DriftCheck() {
    }

    /** Where each batch comes from (folders and CSVs may be combined), how to judge, how to read. */
    public record Request(
            List<Path> referenceFolders,
            List<Path> currentFolders,
            List<Path> referenceCsvs,
            List<Path> currentCsvs,
            DriftCriteria criteria,
            FeatureExtraction.Settings extraction) {
        public Request {
            referenceFolders = List.copyOf(referenceFolders);
            currentFolders = List.copyOf(currentFolders);
            referenceCsvs = List.copyOf(referenceCsvs);
            currentCsvs = List.copyOf(currentCsvs);
        }
    }

    /**
     * How a batch was assembled: images read from folders, rows read from CSVs, files skipped as
     * unreadable, files ignored as not images.
     */
    public record BatchSummary(String name, int imagesRead, int csvRows, int skipped, int notImages) {
        public int size() {
            return imagesRead + csvRows;
        }
    }

    public record Result(DriftReport report, BatchSummary reference, BatchSummary current, List<SkippedFile> skipped) {
    }

    public static Result run(Request request) {
        if (request.referenceFolders().isEmpty() && request.referenceCsvs().isEmpty()) {
            throw VpmonException.usage("no reference batch: give --reference DIR or --reference-features CSV");
        }
        if (request.currentFolders().isEmpty() && request.currentCsvs().isEmpty()) {
            throw VpmonException.usage("no current batch: give --current DIR or --current-features CSV");
        }
        // CSVs first: a malformed one fails in milliseconds, before any image is decoded
        FeatureTable reference = new FeatureTable();
        FeatureTable current = new FeatureTable();
        int referenceCsvRows = 0;
        int currentCsvRows = 0;
        for (Path csv : request.referenceCsvs()) {
            referenceCsvRows += FeatureCsv.read(csv, "--reference-features", reference);
        }
        for (Path csv : request.currentCsvs()) {
            currentCsvRows += FeatureCsv.read(csv, "--current-features", current);
        }

        List<Path> files = new ArrayList<>();
        List<String> batches = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        list(request.referenceFolders(), "--reference", REFERENCE, files, batches, skipped);
        list(request.currentFolders(), "--current", CURRENT, files, batches, skipped);
        if (request.extraction().strict() && !skipped.isEmpty()) {
            throw VpmonException.usage("cannot read " + skipped.get(0).describe() + " (--strict)");
        }

        FeatureExtraction.Result extracted = FeatureExtraction.run(files, batches, request.extraction());
        skipped.addAll(extracted.skipped());
        int[] imagesRead = new int[2];
        int[] notImages = new int[2];
        ImageFeatures[] features = extracted.features();
        for (int i = 0; i < features.length; i++) {
            int b = REFERENCE.equals(batches.get(i)) ? 0 : 1;
            if (features[i] != null) {
                (b == 0 ? reference : current).add(features[i]);
                imagesRead[b]++;
            } else if (extracted.notImage()[i]) {
                notImages[b]++;
            }
        }
        int skippedReference = (int) skipped.stream().filter(s -> REFERENCE.equals(s.batch())).count();
        BatchSummary referenceSummary = new BatchSummary(REFERENCE, imagesRead[0], referenceCsvRows, skippedReference,
                notImages[0]);
        BatchSummary currentSummary = new BatchSummary(CURRENT, imagesRead[1], currentCsvRows,
                skipped.size() - skippedReference, notImages[1]);
        DriftReport report = DriftAnalysis.analyse(reference, current, request.criteria());
        return new Result(report, referenceSummary, currentSummary, List.copyOf(skipped));
    }

    /**
     * The benchmark's floor: lists and decodes the folders' images exactly as {@link #run} does
     * (same decoders, threads and progress), but computes no features and no statistics.
     *
     * @return how many images decoded
     */
    public static int decodeOnly(Request request) {
        List<Path> files = new ArrayList<>();
        List<String> batches = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        list(request.referenceFolders(), "--reference", REFERENCE, files, batches, skipped);
        list(request.currentFolders(), "--current", CURRENT, files, batches, skipped);
        FeatureExtraction.Result result = FeatureExtraction.decodeOnly(files, request.extraction());
        return files.size() - result.skipped().size() - result.notImages();
    }

    private static void list(List<Path> folders, String option, String batch, List<Path> files, List<String> batches,
            List<SkippedFile> skipped) {
        for (Path folder : folders) {
            ImageListing.Listing listing = ImageListing.list(folder, option, batch);
            files.addAll(listing.files());
            listing.files().forEach(f -> batches.add(batch));
            skipped.addAll(listing.unreadable());
        }
    }
}
