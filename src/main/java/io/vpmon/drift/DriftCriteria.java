package io.vpmon.drift;

import io.vpmon.VpmonException;
import io.vpmon.spec.DriftSettings;
import io.vpmon.spec.DriftSettings.Correction;
import java.util.ArrayList;
import java.util.List;

/**
 * When a batch counts as drifted: a feature drifts when its corrected p-value is below alpha and
 * its KS statistic reaches minEffect; the batch drifts when any tested feature does. Fewer than
 * minImages images in either batch is an error.
 */
public record DriftCriteria(double alpha, Correction correction, double minEffect, int minImages, List<Feature> features) {
    public DriftCriteria {
        features = List.copyOf(features);
    }

    /** The spec's drift settings (or vpmon's defaults), each overridden by a non-null argument. */
    public static DriftCriteria of(DriftSettings defaults, Double alpha, Correction correction, Double minEffect,
            Integer minImages, List<String> features) {
        DriftSettings base = defaults != null ? defaults : DriftSettings.defaults();
        DriftCriteria criteria = new DriftCriteria(
                alpha != null ? alpha : base.alpha(),
                correction != null ? correction : base.correction(),
                minEffect != null ? minEffect : base.minEffect(),
                minImages != null ? minImages : base.minImages(),
                parseFeatures(features != null ? features : base.features()));
        criteria.validate();
        return criteria;
    }

    private void validate() {
        if (!(alpha > 0 && alpha < 1)) {
            throw VpmonException.usage("--alpha " + alpha + " is out of range: between 0 and 1 (exclusive), e.g. 0.05");
        }
        if (!(minEffect >= 0 && minEffect <= 1)) {
            throw VpmonException.usage("--min-effect " + minEffect + " is out of range: a KS statistic between 0 and 1");
        }
        if (minImages < 2) {
            throw VpmonException.usage("--min-images " + minImages + " is too small: at least 2");
        }
    }

    private static List<Feature> parseFeatures(List<String> names) {
        List<Feature> out = new ArrayList<>();
        for (String name : names) {
            Feature f = Feature.byLabel(name.strip());
            if (f == null) {
                throw VpmonException.usage("--features: unknown feature '" + name + "'; known: " + knownFeatures());
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw VpmonException.usage("--features: no feature given; known: " + knownFeatures());
        }
        return out;
    }

    static String knownFeatures() {
        List<String> labels = new ArrayList<>();
        for (Feature f : Feature.values()) {
            labels.add(f.label());
        }
        return String.join(", ", labels);
    }
}
