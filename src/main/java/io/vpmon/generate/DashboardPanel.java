package io.vpmon.generate;

import io.vpmon.spec.BuiltinAlert;

/**
 * The panels of the seed's dashboard layout ("VisionPlant Elite Execution", seven rows) that
 * runbooks send people to and the metrics glossary names as a metric's users. The titles are
 * the seed's (plus seed 003's data drift score), so a generated dashboard that keeps them keeps
 * every runbook link true.
 */
enum DashboardPanel {
    ERROR_RATE_CARD("Executive summary", "Error Rate"),
    CACHE_HIT_CARD("Executive summary", "Cache Hit"),
    ACCURACY_OVER_TIME("Model performance", "Accuracy Over Time"),
    LOSS_CURVES("Model performance", "Loss Curves"),
    DATA_DRIFT("Model performance", "Data Drift Score"),
    LATENCY_PERCENTILES("Latency & performance", "Latency Percentiles"),
    THROUGHPUT("Latency & performance", "Throughput"),
    ERROR_RATE("Latency & performance", "Error Rate"),
    CPU_USAGE("Resource usage", "GPU/CPU Usage"),
    DATASET_STATUS("Dataset & operations", "Dataset Status"),
    TRAINING_PROGRESS("Dataset & operations", "Training Progress"),
    USER_GROWTH("Business metrics", "User Growth"),
    ACTIVE_ALERTS("Alerts & incidents", "Active Alerts");

    private final String row;
    private final String title;

    DashboardPanel(String row, String title) {
        this.row = row;
        this.title = title;
    }

    String row() {
        return row;
    }

    String title() {
        return title;
    }

    /** "row 'Model performance', panel 'Accuracy Over Time'". */
    String where() {
        return "row '" + row + "', panel '" + title + "'";
    }

    /** The panel that shows what an alert measures; custom alerts have only the alert list. */
    static DashboardPanel forAlert(String alertName) {
        return BuiltinAlert.byName(alertName).map(DashboardPanel::forBuiltin).orElse(ACTIVE_ALERTS);
    }

    private static DashboardPanel forBuiltin(BuiltinAlert alert) {
        return switch (alert) {
            case MODEL_ACCURACY_DROP, ACCURACY_DEGRADATION -> ACCURACY_OVER_TIME;
            case API_ERROR_RATE_HIGH, ERROR_RATE_INCREASING -> ERROR_RATE;
            case INFERENCE_LATENCY_SPIKE, LATENCY_ELEVATED -> LATENCY_PERCENTILES;
            case SERVICE_UNAVAILABLE -> THROUGHPUT;
            case LOW_CACHE_HIT_RATE -> CACHE_HIT_CARD;
            case DATASET_COLLECTION_SLOW -> DATASET_STATUS;
            case MODEL_TRAINING_NOT_IMPROVING -> TRAINING_PROGRESS;
            case RESOURCE_USAGE_HIGH -> CPU_USAGE;
            case USER_ENGAGEMENT_DOWN -> USER_GROWTH;
            case DATA_DRIFT_DETECTED -> DATA_DRIFT;
        };
    }
}
