package io.vpmon.drift;

import io.vpmon.drift.stats.TwoSampleKs;

/**
 * One feature's test: batch sizes and means, the KS statistic D, its p-value, the p-value after
 * the multiple-testing correction, how the p-value was computed, the verdict, and a note when
 * the verdict needs one (constant inputs, an effect below --min-effect); note is null otherwise.
 */
public record FeatureResult(
        Feature feature,
        int referenceCount,
        int currentCount,
        double referenceMean,
        double currentMean,
        double statistic,
        double pValue,
        double adjustedPValue,
        TwoSampleKs.Method method,
        boolean drift,
        String note) {
}
