package io.vpmon.spec;

/**
 * A service level objective, Sloth/Pyrra style: an objective in percent over a rolling window,
 * measured by an indicator that is either built from the metrics contract or two raw queries.
 */
public record Slo(
        @Required String name,
        String description,
        @Required Double objective,
        PromDuration window,
        @Required Indicator indicator,
        Alerting alerting) {

    public Slo {
        window = Defaults.duration(window, "30d");
        alerting = Defaults.or(alerting, new Alerting(null, null));
    }

    public enum IndicatorType {
        AVAILABILITY, LATENCY, ACCURACY, CUSTOM
    }

    /**
     * availability: non-error requests / requests; latency: requests faster than threshold /
     * requests; accuracy: share of time the accuracy gauge is at or above threshold; custom:
     * error_query / total_query, each with {{.window}} where the range goes.
     */
    public record Indicator(@Required IndicatorType type, Threshold threshold, String errorQuery, String totalQuery) {
    }

    /** Multi-window multi-burn-rate alerts: page on fast burn, ticket on slow burn. */
    public record Alerting(Boolean page, Boolean ticket) {
        public Alerting {
            page = Defaults.or(page, true);
            ticket = Defaults.or(ticket, true);
        }
    }
}
