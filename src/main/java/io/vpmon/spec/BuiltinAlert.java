package io.vpmon.spec;

/**
 * The twelve alerts of the seed's alerting strategy, in its order, with its thresholds,
 * durations and tiers as defaults, then seed 001's data-drift alert, which watches the results
 * `vpmon drift check` publishes. How each is computed lives with the rule generator; what a
 * threshold means (and which values make sense) lives here, where the validator can see it.
 */
public enum BuiltinAlert {
    MODEL_ACCURACY_DROP("ModelAccuracyDrop", Severity.CRITICAL, ThresholdKind.FRACTION, "0.10", "5m",
            "Model accuracy dropped by more than the threshold (a fraction of its highest value in the last hour)"),
    API_ERROR_RATE_HIGH("APIErrorRateHigh", Severity.CRITICAL, ThresholdKind.FRACTION, "0.05", "2m",
            "More than the threshold share of API requests fail with a server error"),
    INFERENCE_LATENCY_SPIKE("InferenceLatencySpike", Severity.CRITICAL, ThresholdKind.SECONDS, "10", "3m",
            "P99 model inference latency is above the threshold (seconds)"),
    SERVICE_UNAVAILABLE("ServiceUnavailable", Severity.CRITICAL, ThresholdKind.WINDOW, "2m", "1m",
            "No successful request during the threshold window, the target is down, or its metrics are gone"),
    ACCURACY_DEGRADATION("AccuracyDegradation", Severity.HIGH, ThresholdKind.FRACTION, "0.05", "15m",
            "Model accuracy dropped by more than the threshold but not as far as ModelAccuracyDrop"),
    LATENCY_ELEVATED("LatencyElevated", Severity.HIGH, ThresholdKind.SECONDS, "5", "10m",
            "P99 model inference latency is above the threshold (seconds)"),
    ERROR_RATE_INCREASING("ErrorRateIncreasing", Severity.HIGH, ThresholdKind.FRACTION, "0.02", "5m",
            "More than the threshold share of API requests fail with a server error"),
    LOW_CACHE_HIT_RATE("LowCacheHitRate", Severity.HIGH, ThresholdKind.FRACTION, "0.25", "30m",
            "The cache answers less than the threshold share of lookups"),
    DATASET_COLLECTION_SLOW("DatasetCollectionSlow", Severity.MEDIUM, ThresholdKind.COUNT, "50", "2d",
            "Fewer than the threshold images were added to the dataset per day"),
    MODEL_TRAINING_NOT_IMPROVING("ModelTrainingNotImproving", Severity.MEDIUM, ThresholdKind.COUNT, "10", "0s",
            "Validation accuracy has not improved for the threshold number of epochs"),
    RESOURCE_USAGE_HIGH("ResourceUsageHigh", Severity.MEDIUM, ThresholdKind.FRACTION, "0.80", "30m",
            "CPU busy above the threshold share"),
    USER_ENGAGEMENT_DOWN("UserEngagementDown", Severity.MEDIUM, ThresholdKind.FRACTION, "0.15", "1h",
            "Daily active users fell by more than the threshold share week over week"),
    DATA_DRIFT_DETECTED("DataDriftDetected", Severity.HIGH, ThresholdKind.FRACTION, "0.1", "5m",
            "The drift score of the last 'vpmon drift check' (the largest KS statistic of a drifted feature) is"
                    + " above the threshold: the input images moved");

    /** What a threshold measures, which decides the forms and range it accepts. */
    public enum ThresholdKind {
        /** A share in (0, 1): 0.05 or '5%'. */
        FRACTION,
        /** A time in seconds, above zero: 10, '10s' or '500ms'. */
        SECONDS,
        /** A Prometheus duration window: '2m'. */
        WINDOW,
        /** A whole count of at least one: 50. */
        COUNT
    }

    private final String alertName;
    private final Severity severity;
    private final ThresholdKind thresholdKind;
    private final String threshold;
    private final String forDuration;
    private final String meaning;

    BuiltinAlert(String alertName, Severity severity, ThresholdKind thresholdKind, String threshold,
            String forDuration, String meaning) {
        this.alertName = alertName;
        this.severity = severity;
        this.thresholdKind = thresholdKind;
        this.threshold = threshold;
        this.forDuration = forDuration;
        this.meaning = meaning;
    }

    public String alertName() {
        return alertName;
    }

    public Severity defaultSeverity() {
        return severity;
    }

    public ThresholdKind thresholdKind() {
        return thresholdKind;
    }

    public Threshold defaultThreshold() {
        return Threshold.parse(threshold).orElseThrow();
    }

    public PromDuration defaultFor() {
        return PromDuration.parse(forDuration);
    }

    public String meaning() {
        return meaning;
    }

    public static java.util.Optional<BuiltinAlert> byName(String name) {
        for (BuiltinAlert alert : values()) {
            if (alert.alertName.equals(name)) {
                return java.util.Optional.of(alert);
            }
        }
        return java.util.Optional.empty();
    }

    public static java.util.List<String> names() {
        return java.util.Arrays.stream(values()).map(BuiltinAlert::alertName).toList();
    }
}
