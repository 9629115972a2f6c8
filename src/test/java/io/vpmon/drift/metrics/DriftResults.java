package io.vpmon.drift.metrics;

import io.vpmon.drift.DriftCheck;
import io.vpmon.drift.DriftCriteria;
import io.vpmon.drift.DriftReport;
import io.vpmon.drift.Feature;
import io.vpmon.drift.FeatureResult;
import io.vpmon.drift.stats.TwoSampleKs;
import io.vpmon.spec.DriftSettings.Correction;
import java.util.ArrayList;
import java.util.List;

/** A fixed drift check result for the metrics tests. */
final class DriftResults {
    private DriftResults() {
    }

    static DriftCheck.Result sample(double score) {
        List<FeatureResult> features = new ArrayList<>();
        double[] d = {score, 0.05, score / 2, 0.04, 0.03};
        double[] p = {1.5e-12, 0.2, 3.25e-5, 0.5, 0.75};
        for (Feature f : Feature.values()) {
            int i = f.ordinal();
            features.add(new FeatureResult(f, 5000, 4998, 128, 130, d[i], p[i], Math.min(1, p[i] * (5 - i)),
                    TwoSampleKs.Method.EXACT, p[i] < 0.01, null));
        }
        DriftReport report = new DriftReport(new DriftCriteria(0.05, Correction.HOLM, 0, 10, List.of(Feature.values())),
                features, score > 0, score);
        return new DriftCheck.Result(report, new DriftCheck.BatchSummary("reference", 5000, 0, 0, 0),
                new DriftCheck.BatchSummary("current", 4998, 0, 2, 0), List.of());
    }
}
