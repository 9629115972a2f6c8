package io.vpmon.spec;

import java.util.List;

/**
 * Defaults for {@code vpmon drift check}, and the Pushgateway its results go to (Prometheus
 * scrapes it, keeping the pushed labels, so the DataDriftDetected alert sees them).
 */
public record DriftSettings(
        Double alpha,
        Correction correction,
        Double minEffect,
        Integer minImages,
        List<String> features,
        String pushgateway) {

    public static final List<String> FEATURES =
            List.of("mean_brightness", "std_brightness", "mean_r", "mean_g", "mean_b");

    public DriftSettings {
        alpha = Defaults.or(alpha, 0.05);
        correction = Defaults.or(correction, Correction.HOLM);
        minEffect = Defaults.or(minEffect, 0.0);
        minImages = Defaults.or(minImages, 10);
        features = Defaults.list(features, FEATURES);
    }

    public static DriftSettings defaults() {
        return new DriftSettings(null, null, null, null, null, null);
    }

    public enum Correction {
        BONFERRONI, HOLM, BH, NONE
    }
}
