package io.vpmon.drift;

import io.vpmon.VpmonException;
import io.vpmon.drift.stats.MultipleTesting;
import io.vpmon.drift.stats.TwoSampleKs;
import java.util.ArrayList;
import java.util.List;

/** Tests each feature with the two-sample KS test, corrects for multiple testing and decides. */
public final class DriftAnalysis {
    private DriftAnalysis() {
    }

    /**
     * @throws VpmonException (usage) when either batch has fewer than criteria.minImages() rows
     */
    public static DriftReport analyse(FeatureTable reference, FeatureTable current, DriftCriteria criteria) {
        requireEnough(reference.size(), current.size(), criteria.minImages());
        List<Feature> features = criteria.features();
        TwoSampleKs.Result[] tests = new TwoSampleKs.Result[features.size()];
        double[] pValues = new double[features.size()];
        for (int i = 0; i < tests.length; i++) {
            Feature f = features.get(i);
            tests[i] = TwoSampleKs.test(reference.column(f), current.column(f));
            pValues[i] = tests[i].pValue();
            if (Double.isNaN(pValues[i]) || Double.isNaN(tests[i].statistic())) {
                throw new IllegalStateException("KS test of " + f.label() + " gave NaN");
            }
        }
        double[] adjusted = MultipleTesting.adjust(pValues, criteria.correction());
        List<FeatureResult> results = new ArrayList<>();
        double score = 0.0;
        for (int i = 0; i < tests.length; i++) {
            Feature f = features.get(i);
            double[] ref = reference.column(f);
            double[] cur = current.column(f);
            boolean significant = adjusted[i] < criteria.alpha();
            boolean bigEnough = tests[i].statistic() >= criteria.minEffect();
            boolean drift = significant && bigEnough;
            if (drift) {
                score = Math.max(score, tests[i].statistic());
            }
            String note = note(ref, cur, significant, bigEnough, criteria.minEffect());
            results.add(new FeatureResult(f, ref.length, cur.length, mean(ref), mean(cur), tests[i].statistic(),
                    pValues[i], adjusted[i], tests[i].method(), drift, note));
        }
        boolean drift = results.stream().anyMatch(FeatureResult::drift);
        return new DriftReport(criteria, results, drift, score);
    }

    static void requireEnough(int reference, int current, int minImages) {
        if (reference < minImages || current < minImages) {
            throw VpmonException.usage("too few images to test: the reference batch has " + reference
                    + " and the current batch " + current + "; each needs at least " + minImages
                    + " (--min-images, or min_images in the spec's drift section)");
        }
    }

    private static String note(double[] ref, double[] cur, boolean significant, boolean bigEnough, double minEffect) {
        boolean refConstant = isConstant(ref);
        boolean curConstant = isConstant(cur);
        if (refConstant && curConstant) {
            return ref[0] == cur[0] ? "constant (" + ref[0] + ") in both batches: nothing varies to compare"
                    : "constant in each batch, at different values (" + ref[0] + " and " + cur[0] + ")";
        }
        if (significant && !bigEnough) {
            return "significant, but D is below --min-effect " + minEffect + ": not counted as drift";
        }
        return null;
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    /** Neumaier-compensated mean, so large batches do not lose digits. */
    static double mean(double[] values) {
        double sum = 0.0;
        double compensation = 0.0;
        for (double v : values) {
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return (sum + compensation) / values.length;
    }
}
