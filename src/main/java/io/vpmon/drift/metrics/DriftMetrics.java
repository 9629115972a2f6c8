package io.vpmon.drift.metrics;

import io.vpmon.drift.DriftCheck;
import io.vpmon.drift.FeatureResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus metrics a drift check publishes, and their text exposition (format 0.0.4). The
 * DataDriftDetected alert and dashboards are written against these names: change them only
 * together with the rules that use them.
 */
public final class DriftMetrics {
    /** The drift score of {@link io.vpmon.drift.DriftReport}: largest D among drifting features, 0 when none. */
    public static final String SCORE = "data_drift_score";
    /** 1 when the batch drifted (any feature with corrected p < alpha and D >= min effect), else 0. */
    public static final String DETECTED = "data_drift_detected";
    /** The KS statistic D of each feature (label {@value #FEATURE_LABEL}). */
    public static final String FEATURE_STATISTIC = "data_drift_feature_statistic";
    /** The KS p-value of each feature. */
    public static final String FEATURE_P_VALUE = "data_drift_feature_p_value";
    /** The p-value of each feature after the multiple-testing correction. */
    public static final String FEATURE_ADJUSTED_P_VALUE = "data_drift_feature_adjusted_p_value";
    /** Images (or CSV rows) in each batch (label {@value #BATCH_LABEL}: reference or current). */
    public static final String IMAGES = "data_drift_images";
    /** When the check finished, in Unix seconds. */
    public static final String LAST_RUN = "data_drift_last_run_timestamp_seconds";

    public static final String SERVICE_LABEL = "service";
    public static final String FEATURE_LABEL = "feature";
    public static final String BATCH_LABEL = "batch";

    private DriftMetrics() {
    }

    /**
     * The exposition text of one check's results.
     *
     * @param commonLabels labels on every series (service for a textfile; none for a push, where
     *     the grouping key carries them), in order
     */
    public static String exposition(DriftCheck.Result result, Map<String, String> commonLabels, double timestampSeconds) {
        StringBuilder out = new StringBuilder();
        gauge(out, SCORE, "Drift score in [0, 1]: the largest KS statistic D among the features that drifted, 0 when none did.");
        sample(out, SCORE, commonLabels, result.report().score());
        gauge(out, DETECTED, "1 when at least one image feature drifted (corrected p-value below alpha and D at least the minimum effect), else 0.");
        sample(out, DETECTED, commonLabels, result.report().drift() ? 1 : 0);
        gauge(out, FEATURE_STATISTIC, "Two-sample Kolmogorov-Smirnov statistic D per image feature, reference vs current batch.");
        for (FeatureResult f : result.report().features()) {
            sample(out, FEATURE_STATISTIC, with(commonLabels, FEATURE_LABEL, f.feature().label()), f.statistic());
        }
        gauge(out, FEATURE_P_VALUE, "Two-sided KS p-value per image feature, before the multiple-testing correction.");
        for (FeatureResult f : result.report().features()) {
            sample(out, FEATURE_P_VALUE, with(commonLabels, FEATURE_LABEL, f.feature().label()), f.pValue());
        }
        gauge(out, FEATURE_ADJUSTED_P_VALUE, "KS p-value per image feature after the multiple-testing correction ("
                + result.report().criteria().correction().name().toLowerCase(java.util.Locale.ROOT) + ").");
        for (FeatureResult f : result.report().features()) {
            sample(out, FEATURE_ADJUSTED_P_VALUE, with(commonLabels, FEATURE_LABEL, f.feature().label()),
                    f.adjustedPValue());
        }
        gauge(out, IMAGES, "Images (or feature CSV rows) in each batch of the drift check.");
        sample(out, IMAGES, with(commonLabels, BATCH_LABEL, DriftCheck.REFERENCE), result.reference().size());
        sample(out, IMAGES, with(commonLabels, BATCH_LABEL, DriftCheck.CURRENT), result.current().size());
        gauge(out, LAST_RUN, "Unix time the drift check finished.");
        sample(out, LAST_RUN, commonLabels, timestampSeconds);
        return out.toString();
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put(name, value);
        return all;
    }

    private static void gauge(StringBuilder out, String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
    }

    private static void sample(StringBuilder out, String name, Map<String, String> labels, double value) {
        out.append(name);
        if (!labels.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            labels.forEach((k, v) -> pairs.add(k + "=\"" + escapeLabelValue(v) + "\""));
            out.append('{').append(String.join(",", pairs)).append('}');
        }
        out.append(' ').append(format(value)).append('\n');
    }

    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Integers without a fraction; others in Java's round-trip form, plain when not tiny (timestamps). */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e15) {
            return java.math.BigDecimal.valueOf(value).toPlainString();
        }
        return Double.toString(value);
    }
}
