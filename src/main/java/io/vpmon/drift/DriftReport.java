package io.vpmon.drift;

import java.util.List;

/**
 * The outcome of comparing two batches: per-feature results, the verdict, and the drift score.
 *
 * <p>The score is the largest KS statistic D among the features that drifted, and 0 when none
 * did. D is the largest gap between the two batches' cumulative distributions of a feature: the
 * share of images that would have to move to explain the difference. So the score is 0 without
 * evidence of drift and otherwise an effect size in [0, 1] that does not grow with batch size
 * (0.05: a slight shift that only big batches detect; 0.2: a large one; 0.5: half the batch
 * moved), unlike p-values, which reach 0 for tiny shifts in large batches.
 */
public record DriftReport(DriftCriteria criteria, List<FeatureResult> features, boolean drift, double score) {
    public DriftReport {
        features = List.copyOf(features);
    }

    public List<Feature> driftedFeatures() {
        return features.stream().filter(FeatureResult::drift).map(FeatureResult::feature).toList();
    }
}
