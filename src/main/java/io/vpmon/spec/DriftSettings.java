package io.vpmon.spec;

import java.util.List;

/** Defaults for {@code vpmon drift check} and the threshold of the DataDriftDetected alert. */
public record DriftSettings(
        Double alpha,
        Correction correction,
        Double minEffect,
        Integer minImages,
        List<String> features,
        Double scoreThreshold,
        @SpecKey("for") PromDuration forDuration) {

    public static final List<String> FEATURES =
            List.of("mean_brightness", "std_brightness", "mean_r", "mean_g", "mean_b");

    public DriftSettings {
        alpha = Defaults.or(alpha, 0.05);
        correction = Defaults.or(correction, Correction.HOLM);
        minEffect = Defaults.or(minEffect, 0.0);
        minImages = Defaults.or(minImages, 10);
        features = Defaults.list(features, FEATURES);
        scoreThreshold = Defaults.or(scoreThreshold, 0.5);
        forDuration = Defaults.duration(forDuration, "5m");
    }

    static DriftSettings defaults() {
        return new DriftSettings(null, null, null, null, null, null, null);
    }

    public enum Correction {
        BONFERRONI, HOLM, BH, NONE
    }
}
