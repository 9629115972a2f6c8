package io.vpmon.spec;

import java.util.List;

/**
 * The metric names the application exports, so rules and dashboards match the app. Defaults are
 * the seed documents' names. {@code selector} is added to every application metric (default:
 * the first target's job); a metric's own {@code selector} replaces it ({@code ""} for none).
 */
public record MetricsContract(
        String selector,
        List<String> groupBy,
        PromDuration rateWindow,
        Requests requests,
        MetricRef inferenceLatency,
        MetricRef accuracy,
        MetricRef cacheHits,
        MetricRef cacheRequests,
        MetricRef datasetImages,
        MetricRef trainingEpoch,
        MetricRef bestEpoch,
        MetricRef cpuSeconds,
        MetricRef dailyActiveUsers) {

    public MetricsContract {
        groupBy = Defaults.list(groupBy, List.of("job"));
        rateWindow = Defaults.duration(rateWindow, "5m");
        requests = Requests.merge(requests);
        inferenceLatency = MetricRef.merge(inferenceLatency, "model_inference_latency_seconds", null);
        accuracy = MetricRef.merge(accuracy, "model_accuracy", null);
        cacheHits = MetricRef.merge(cacheHits, "cache_hits_total", null);
        cacheRequests = MetricRef.merge(cacheRequests, "cache_requests_total", null);
        datasetImages = MetricRef.merge(datasetImages, "dataset_images_total", null);
        trainingEpoch = MetricRef.merge(trainingEpoch, "training_epoch", null);
        bestEpoch = MetricRef.merge(bestEpoch, "training_best_epoch", null);
        cpuSeconds = MetricRef.merge(cpuSeconds, "node_cpu_seconds_total", "");
        dailyActiveUsers = MetricRef.merge(dailyActiveUsers, "daily_active_users", null);
    }

    static MetricsContract defaults() {
        return new MetricsContract(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    MetricsContract withDefaultSelector(String job) {
        if (selector != null || job == null) {
            return this;
        }
        return new MetricsContract("job=\"" + job.replace("\\", "\\\\").replace("\"", "\\\"") + "\"", groupBy,
                rateWindow, requests, inferenceLatency, accuracy, cacheHits, cacheRequests, datasetImages,
                trainingEpoch, bestEpoch, cpuSeconds, dailyActiveUsers);
    }

    /** The label matchers for a metric: its own selector if it has one, else the contract's. */
    public String selectorFor(String ownSelector) {
        if (ownSelector != null) {
            return ownSelector;
        }
        return selector == null ? "" : selector;
    }

    /** A metric by name, with optional label matchers of its own ({@code time_window="1h"}). */
    public record MetricRef(@Shorthand String name, String selector) {
        static MetricRef merge(MetricRef given, String defaultName, String defaultSelector) {
            if (given == null) {
                return new MetricRef(defaultName, defaultSelector);
            }
            return new MetricRef(Defaults.or(given.name, defaultName), Defaults.or(given.selector, defaultSelector));
        }
    }

    /** The request counter and how its status label tells errors and successes apart. */
    public record Requests(@Shorthand String name, String selector, String statusLabel, String errorStatus,
            String successStatus) {
        static Requests merge(Requests given) {
            Requests g = given != null ? given : new Requests(null, null, null, null, null);
            return new Requests(Defaults.or(g.name, "api_requests_total"), g.selector,
                    Defaults.or(g.statusLabel, "status"), Defaults.or(g.errorStatus, "5.."),
                    Defaults.or(g.successStatus, "[23].."));
        }
    }
}
