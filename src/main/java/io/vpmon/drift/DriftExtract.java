package io.vpmon.drift;

import io.vpmon.VpmonException;
import io.vpmon.drift.image.ImageFeatures;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code vpmon drift extract} without the command line: the features of every image under some
 * folders (or one shard of them), written as {@link FeatureCsv} rows in path order. Files are
 * read in blocks so memory holds one block's features, however many images there are.
 */
public final class DriftExtract {
    static final int BLOCK = 8192;

    private DriftExtract() {
    }

    public record Request(List<Path> folders, Shard shard, FeatureExtraction.Settings extraction) {
        public Request {
            folders = List.copyOf(folders);
        }
    }

    public record Result(int files, int written, int notImages, List<SkippedFile> skipped) {
    }

    public static Result run(Request request, Writer out) {
        List<Path> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (Path folder : request.folders()) {
            ImageListing.Listing listing = ImageListing.list(folder, "DIR", "extract");
            for (Path file : listing.files()) {
                if (request.shard().contains(folder, file)) {
                    files.add(file);
                }
            }
            skipped.addAll(listing.unreadable());
        }
        if (request.extraction().strict() && !skipped.isEmpty()) {
            throw VpmonException.usage("cannot read " + skipped.get(0).describe() + " (--strict)");
        }
        int written = 0;
        int notImages = 0;
        try {
            FeatureCsv.writeHeader(out);
            FeatureExtraction.Settings settings = request.extraction();
            for (int start = 0; start < files.size(); start += BLOCK) {
                List<Path> block = files.subList(start, Math.min(files.size(), start + BLOCK));
                int offset = start;
                FeatureExtraction.Settings blockSettings = new FeatureExtraction.Settings(settings.threads(),
                        settings.pngDecoder(), settings.strict(),
                        (done, total) -> settings.progress().update(offset + done, files.size()));
                FeatureExtraction.Result result = FeatureExtraction.run(block,
                        Collections.nCopies(block.size(), "extract"), blockSettings);
                ImageFeatures[] features = result.features();
                for (int i = 0; i < features.length; i++) {
                    if (features[i] != null) {
                        FeatureCsv.writeRow(out, block.get(i).toString(), features[i]);
                        written++;
                    }
                }
                notImages += result.notImages();
                skipped.addAll(result.skipped());
            }
            out.flush();
        } catch (IOException e) {
            throw VpmonException.usage("cannot write the features: " + e.getMessage());
        }
        return new Result(files.size(), written, notImages, List.copyOf(skipped));
    }
}
