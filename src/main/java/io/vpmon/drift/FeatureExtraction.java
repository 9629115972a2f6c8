package io.vpmon.drift;

import io.vpmon.VpmonException;
import io.vpmon.drift.image.ImageFeatures;
import io.vpmon.drift.image.ImageFileReader;
import io.vpmon.drift.image.ImageFileReader.Decoded;
import io.vpmon.drift.image.ImageFileReader.NotAnImage;
import io.vpmon.drift.image.ImageFileReader.Outcome;
import io.vpmon.drift.image.ImageFileReader.PngDecoder;
import io.vpmon.drift.image.ImageFileReader.Unreadable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads many image files on a few threads, each with its own {@link ImageFileReader}, and keeps
 * only the features (in file order, so results never depend on thread timing).
 */
public final class FeatureExtraction {
    private FeatureExtraction() {
    }

    /** Told after each file; called from the worker threads. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {
        };

        void update(int done, int total);
    }

    /** How to read: thread count, PNG decoder, whether an unreadable image stops everything. */
    public record Settings(int threads, PngDecoder pngDecoder, boolean strict, Progress progress) {
        public Settings {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }
    }

    /**
     * features[i] belongs to files[i], null when the file was skipped or is not an image;
     * notImage[i] tells the latter; skipped lists the unreadable files in file order.
     */
    public record Result(ImageFeatures[] features, boolean[] notImage, List<SkippedFile> skipped) {
        public int notImages() {
            int n = 0;
            for (boolean b : notImage) {
                n += b ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * @param batches the batch each file belongs to ("reference", "current"), for reports
     * @throws VpmonException (usage) with --strict, naming the first unreadable image
     */
    public static Result run(List<Path> files, List<String> batches, Settings settings) {
        return run(files, batches, settings, false);
    }

    /**
     * Decodes the files without computing features, on the same threads and decoders as
     * {@link #run}: the floor the benchmark compares the statistics' cost with. Features are null.
     */
    public static Result decodeOnly(List<Path> files, Settings settings) {
        return run(files, Collections.nCopies(files.size(), "benchmark"), settings, true);
    }

    private static Result run(List<Path> files, List<String> batches, Settings settings, boolean decodeOnly) {
        int total = files.size();
        ImageFeatures[] features = new ImageFeatures[total];
        String[] reasons = new String[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        boolean[] notImage = new boolean[total];
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try (ImageFileReader reader = new ImageFileReader(settings.pngDecoder())) {
                for (int i = next.getAndIncrement(); i < total && !stop.get(); i = next.getAndIncrement()) {
                    Outcome outcome = decodeOnly ? reader.decodeOnly(files.get(i)) : reader.read(files.get(i));
                    if (outcome instanceof Decoded decoded) {
                        features[i] = decoded.features();
                    } else if (outcome instanceof Unreadable unreadable) {
                        reasons[i] = unreadable.reason();
                        if (settings.strict()) {
                            stop.set(true);
                        }
                    } else if (outcome instanceof NotAnImage) {
                        notImage[i] = true;
                    }
                    settings.progress().update(done.incrementAndGet(), total);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                stop.set(true);
            }
        };
        runOnThreads(worker, Math.min(settings.threads(), Math.max(total, 1)));
        if (failure.get() != null) {
            throw new IllegalStateException("reading images failed: " + failure.get(), failure.get());
        }
        List<SkippedFile> skipped = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (reasons[i] != null) {
                skipped.add(new SkippedFile(files.get(i).toString(), batches.get(i), reasons[i]));
            }
        }
        if (settings.strict() && !skipped.isEmpty()) {
            SkippedFile first = skipped.get(0);
            throw VpmonException.usage("cannot read image " + first.describe()
                    + " (--strict: an unreadable image is an error)");
        }
        return new Result(features, notImage, Collections.unmodifiableList(skipped));
    }

    private static void runOnThreads(Runnable worker, int threads) {
        if (threads == 1) {
            worker.run();
            return;
        }
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(worker, "vpmon-drift-" + t);
            thread.setDaemon(true);
            pool.add(thread);
            thread.start();
        }
        for (Thread thread : pool) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading images", e);
            }
        }
    }
}
