package io.vpmon.spec;

import java.util.List;
import java.util.Map;

/**
 * A vpmon spec ({@code apiVersion: vpmon/v1}): one service, how Prometheus scrapes it, the
 * metrics it exports, its alerts, notifications, SLOs, dashboard and drift settings. Every
 * section but {@code service} and {@code targets} has defaults taken from the seed documents.
 */
public record Spec(
        @Required @SpecKey("apiVersion") String apiVersion,
        @Required Service service,
        Prometheus prometheus,
        @Required List<ScrapeTarget> targets,
        Alertmanager alertmanager,
        MetricsContract metrics,
        Map<String, AlertOverride> alerts,
        List<CustomAlert> customAlerts,
        Notifications notifications,
        Runbooks runbooks,
        List<Slo> slos,
        Dashboard dashboard,
        DriftSettings drift) {

    public static final String API_VERSION = "vpmon/v1";

    public Spec {
        service = Defaults.or(service, new Service(null, null, null, null));
        prometheus = Defaults.or(prometheus, new Prometheus(null, null, null, null, null, null, null));
        targets = Defaults.list(targets);
        alertmanager = Defaults.or(alertmanager, new Alertmanager(null, null, null));
        String firstJob = targets.isEmpty() ? null : targets.get(0).job();
        metrics = Defaults.or(metrics, MetricsContract.defaults()).withDefaultSelector(firstJob);
        alerts = Defaults.map(alerts);
        customAlerts = Defaults.list(customAlerts);
        notifications = Defaults.or(notifications, Notifications.defaults());
        runbooks = Defaults.or(runbooks, new Runbooks(null, null));
        slos = Defaults.list(slos);
        dashboard = Defaults.or(dashboard, new Dashboard(null, null, null, null, null, null));
        drift = Defaults.or(drift, DriftSettings.defaults());
    }

    /** Every built-in alert, in the seed's order, with this spec's overrides applied. */
    public List<ResolvedAlert> builtinAlerts() {
        return java.util.Arrays.stream(BuiltinAlert.values())
                .map(a -> ResolvedAlert.of(a, alerts.get(a.alertName())))
                .toList();
    }

    public ResolvedAlert builtinAlert(BuiltinAlert alert) {
        return ResolvedAlert.of(alert, alerts.get(alert.alertName()));
    }

    /** The service being monitored; its name labels every alert and names generated groups. */
    public record Service(@Required String name, String environment, String cluster, Map<String, String> labels) {
        public Service {
            environment = Defaults.or(environment, "production");
            labels = Defaults.map(labels);
        }
    }

    /** Prometheus globals. Retention is not a config-file setting; it is noted in the generated file. */
    public record Prometheus(
            PromDuration scrapeInterval,
            PromDuration scrapeTimeout,
            PromDuration evaluationInterval,
            PromDuration retention,
            Map<String, String> externalLabels,
            Boolean selfScrape,
            String listenAddress) {
        public Prometheus {
            scrapeInterval = Defaults.duration(scrapeInterval, "15s");
            scrapeTimeout = Defaults.duration(scrapeTimeout, "10s");
            evaluationInterval = Defaults.duration(evaluationInterval, "15s");
            retention = Defaults.duration(retention, "15d");
            externalLabels = Defaults.map(externalLabels);
            selfScrape = Defaults.or(selfScrape, true);
            listenAddress = Defaults.or(listenAddress, "localhost:9090");
        }
    }

    /** One scrape job. Credentials are read by Prometheus from files; the spec names the files. */
    public record ScrapeTarget(
            @Required String job,
            @Required List<String> endpoints,
            String metricsPath,
            String scheme,
            PromDuration interval,
            PromDuration timeout,
            Map<String, String> labels,
            String bearerTokenFile,
            BasicAuth basicAuth) {
        public ScrapeTarget {
            endpoints = Defaults.list(endpoints);
            metricsPath = Defaults.or(metricsPath, "/metrics");
            scheme = Defaults.or(scheme, "http");
            labels = Defaults.map(labels);
        }
    }

    public record BasicAuth(@Required String username, @Required String passwordFile) {
    }

    /** Where Prometheus sends alerts. */
    public record Alertmanager(List<String> endpoints, String scheme, String pathPrefix) {
        public Alertmanager {
            endpoints = Defaults.list(endpoints, List.of("localhost:9093"));
            scheme = Defaults.or(scheme, "http");
            pathPrefix = Defaults.or(pathPrefix, "/");
        }
    }

    /** Where the runbook pages live; each alert's runbook_url is base_url/AlertName.md. */
    public record Runbooks(String baseUrl, List<String> escalation) {
        public Runbooks {
            escalation = Defaults.list(escalation);
        }
    }

    public record Dashboard(String title, String uid, PromDuration refresh, String timezone, String datasource,
            String folder) {
        public Dashboard {
            refresh = Defaults.duration(refresh, "1m");
            timezone = Defaults.or(timezone, "browser");
            datasource = Defaults.or(datasource, "Prometheus");
        }
    }
}
