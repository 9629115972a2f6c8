package io.vpmon.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpmon.spec.BuiltinAlert.ThresholdKind;
import io.vpmon.spec.LabelMatchers.LabelMatcher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks that need more than types: names Prometheus accepts, values in range, references
 * that resolve, nothing defined twice. Runs on a bound spec and reports against the YAML's
 * locations, so every message points at the line to fix.
 */
final class SpecValidator extends ValidationChecks {
    private static final Pattern SERVICE_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*$");
    private static final Pattern DASHBOARD_UID = Pattern.compile("^[A-Za-z0-9_-]{1,40}$");
    private static final long ACCURACY_BASELINE_MILLIS = 3_600_000;
    static final String PUSHGATEWAY_JOB = "pushgateway";

    private final Spec spec;
    private final NotificationsValidator notifications;

    private SpecValidator(Spec spec, LocatedYaml yaml, List<Problem> problems) {
        super(yaml, problems);
        this.spec = spec;
        this.notifications = new NotificationsValidator(spec, yaml, problems);
    }

    static void validate(Spec spec, LocatedYaml yaml, List<Problem> problems) {
        new SpecValidator(spec, yaml, problems).run();
    }

    private void run() {
        if (spec.apiVersion() != null && !Spec.API_VERSION.equals(spec.apiVersion())) {
            error("/apiVersion", "unsupported apiVersion '" + spec.apiVersion() + "'",
                    "this vpmon reads 'apiVersion: " + Spec.API_VERSION + "'");
        }
        service();
        prometheus();
        targets();
        alertmanager();
        metrics();
        Set<String> receivers = notifications.receivers();
        builtinAlerts(receivers);
        customAlerts(receivers);
        notifications.routes(receivers);
        slos();
        dashboard();
        drift();
    }

    private void service() {
        String name = spec.service().name();
        if (name != null && !name.isBlank() && !SERVICE_NAME.matcher(name).matches()) {
            error("/service/name", "invalid service name '" + name + "'",
                    "use letters, digits, '-', '_' and '.', starting with a letter or digit");
        }
        labelNames("/service/labels", spec.service().labels());
        reservedLabels("/service/labels", spec.service().labels());
    }

    /** severity and service are set by vpmon on every alert; routing depends on them. */
    private void reservedLabels(String at, Map<String, String> labels) {
        for (String name : List.of("severity", "service", "alertname")) {
            if (labels.containsKey(name)) {
                problems.add(Problem.error(yaml.keyAt(LocatedYaml.child(at, name)), "label '" + name
                        + "' is set by vpmon", name.equals("severity") ? "change an alert's tier with its 'severity' key"
                        : "it comes from the service name and the alert name"));
            }
        }
    }

    private static boolean isAccuracyDrop(BuiltinAlert alert) {
        return alert == BuiltinAlert.MODEL_ACCURACY_DROP || alert == BuiltinAlert.ACCURACY_DEGRADATION;
    }

    private void prometheus() {
        Spec.Prometheus p = spec.prometheus();
        positive("/prometheus/scrape_interval", p.scrapeInterval());
        positive("/prometheus/evaluation_interval", p.evaluationInterval());
        positive("/prometheus/scrape_timeout", p.scrapeTimeout());
        if (p.scrapeTimeout().compareTo(p.scrapeInterval()) > 0) {
            error("/prometheus/scrape_timeout", "scrape_timeout " + p.scrapeTimeout() + " is longer than scrape_interval "
                    + p.scrapeInterval(), "Prometheus refuses a timeout longer than the interval");
        }
        labelNames("/prometheus/external_labels", p.externalLabels());
        endpoint("/prometheus/listen_address", p.listenAddress());
    }

    private void targets() {
        if (yaml.root().path("targets").isArray() && yaml.root().path("targets").isEmpty()) {
            error("/targets", "targets is empty", "list at least one scrape target: job and endpoints");
        }
        Map<String, String> jobs = new HashMap<>();
        for (int i = 0; i < spec.targets().size(); i++) {
            Spec.ScrapeTarget t = spec.targets().get(i);
            String at = "/targets/" + i;
            if (t.job() != null && !t.job().isBlank()) {
                String first = jobs.putIfAbsent(t.job(), at);
                if (first != null) {
                    error(at + "/job", "duplicate job '" + t.job() + "' (also at line "
                            + yaml.valueAt(first + "/job").line() + ")", "job names must be unique");
                }
            }
            JsonNode endpoints = yaml.root().at(at + "/endpoints");
            if (endpoints.isArray() && endpoints.isEmpty()) {
                error(at + "/endpoints", "targets[" + i + "].endpoints is empty", "list host:port entries");
            }
            for (int e = 0; e < t.endpoints().size(); e++) {
                endpoint(at + "/endpoints/" + e, t.endpoints().get(e));
            }
            if (!t.metricsPath().startsWith("/")) {
                error(at + "/metrics_path", "metrics_path '" + t.metricsPath() + "' must start with '/'",
                        "did you mean '/" + t.metricsPath() + "'?");
            }
            scheme(at + "/scheme", t.scheme());
            PromDuration interval = t.interval() != null ? t.interval() : spec.prometheus().scrapeInterval();
            PromDuration timeout = t.timeout() != null ? t.timeout() : spec.prometheus().scrapeTimeout();
            if (t.interval() != null) {
                positive(at + "/interval", t.interval());
            }
            if (timeout.compareTo(interval) > 0) {
                error(at + (t.timeout() != null ? "/timeout" : "/interval"), "scrape timeout " + timeout
                        + " is longer than the scrape interval " + interval + " for job '" + t.job() + "'",
                        "set timeout to at most the interval");
            }
            labelNames(at + "/labels", t.labels());
            if (spec.prometheus().selfScrape() && "prometheus".equals(t.job())) {
                error(at + "/job", "job 'prometheus' clashes with Prometheus scraping itself",
                        "rename the job, or set prometheus.self_scrape: false");
            }
            if (t.bearerTokenFile() != null && t.basicAuth() != null) {
                error(at + "/bearer_token_file", "a target takes bearer_token_file or basic_auth, not both",
                        "Prometheus sends one Authorization header per scrape");
            }
        }
    }

    private void alertmanager() {
        Spec.Alertmanager am = spec.alertmanager();
        for (int i = 0; i < am.endpoints().size(); i++) {
            endpoint("/alertmanager/endpoints/" + i, am.endpoints().get(i));
        }
        scheme("/alertmanager/scheme", am.scheme());
        if (!am.pathPrefix().startsWith("/")) {
            error("/alertmanager/path_prefix", "path_prefix must start with '/'", null);
        }
    }

    private void metrics() {
        MetricsContract m = spec.metrics();
        String at = "/metrics";
        selector(at + "/selector", m.selector());
        for (int i = 0; i < m.groupBy().size(); i++) {
            labelName(at + "/group_by/" + i, m.groupBy().get(i));
        }
        positive(at + "/rate_window", m.rateWindow());
        if (m.rateWindow().millis() < 2 * spec.prometheus().scrapeInterval().millis()) {
            problems.add(Problem.warning(yaml.valueAt(at + "/rate_window"), "rate_window " + m.rateWindow()
                    + " holds fewer than two scrapes at scrape_interval " + spec.prometheus().scrapeInterval(),
                    "rate() needs two samples; use at least 4 × scrape_interval"));
        }
        MetricsContract.Requests r = m.requests();
        metricName(at + "/requests/name", r.name(), false);
        selector(at + "/requests/selector", r.selector());
        labelName(at + "/requests/status_label", r.statusLabel());
        regex(at + "/requests/error_status", r.errorStatus());
        regex(at + "/requests/success_status", r.successStatus());
        metricRef(at + "/inference_latency", m.inferenceLatency(), true);
        metricRef(at + "/accuracy", m.accuracy(), false);
        metricRef(at + "/cache_hits", m.cacheHits(), false);
        metricRef(at + "/cache_requests", m.cacheRequests(), false);
        metricRef(at + "/dataset_images", m.datasetImages(), false);
        metricRef(at + "/training_epoch", m.trainingEpoch(), false);
        metricRef(at + "/best_epoch", m.bestEpoch(), false);
        metricRef(at + "/cpu_seconds", m.cpuSeconds(), false);
        metricRef(at + "/daily_active_users", m.dailyActiveUsers(), false);
    }

    private void metricRef(String at, MetricsContract.MetricRef ref, boolean histogram) {
        String nameAt = yaml.root().at(at).isValueNode() ? at : at + "/name";
        metricName(nameAt, ref.name(), histogram);
        selector(at + "/selector", ref.selector());
    }

    private void metricName(String at, String name, boolean histogram) {
        if (!LabelMatchers.METRIC_NAME.matcher(name).matches()) {
            error(at, "invalid metric name '" + name + "'",
                    "metric names are letters, digits, '_' and ':', not starting with a digit");
            return;
        }
        if (histogram) {
            for (String suffix : List.of("_bucket", "_count", "_sum")) {
                if (name.endsWith(suffix)) {
                    error(at, "histogram '" + name + "' is named with its '" + suffix + "' series",
                            "give the histogram's base name: '" + name.substring(0, name.length() - suffix.length()) + "'");
                }
            }
        }
    }

    private void selector(String at, String selector) {
        if (selector == null) {
            return;
        }
        Optional<List<LabelMatcher>> matchers = LabelMatchers.parse(selector);
        if (matchers.isEmpty()) {
            error(at, "invalid label selector '" + selector + "'",
                    "write PromQL label matchers: job=\"api\", env=~\"prod|staging\"");
            return;
        }
        for (LabelMatcher m : matchers.get()) {
            if (m.op().endsWith("~")) {
                regex(at, m.value());
            }
        }
    }

    private void builtinAlerts(Set<String> receivers) {
        spec.alerts().forEach((name, override) -> {
            String at = LocatedYaml.child("/alerts", name);
            Optional<BuiltinAlert> alert = BuiltinAlert.byName(name);
            if (alert.isEmpty()) {
                String hint = DidYouMean.closest(name, BuiltinAlert.names())
                        .map(c -> "did you mean '" + c + "'? (new alerts go under custom_alerts)")
                        .orElse("built-in alerts are " + String.join(", ", BuiltinAlert.names())
                                + "; new alerts go under custom_alerts");
                problems.add(Problem.error(yaml.keyAt(at), "unknown alert '" + name + "'", hint));
                return;
            }
            if (override.threshold() != null) {
                threshold(at + "/threshold", alert.get(), override.threshold());
            }
            if (override.forDuration() != null && isAccuracyDrop(alert.get())
                    && override.forDuration().millis() >= ACCURACY_BASELINE_MILLIS) {
                error(at + "/for", name + " compares accuracy with its peak of the last hour, so a 'for' of "
                        + override.forDuration() + " can never be reached", "keep 'for' under 1h");
            }
            labelNames(at + "/labels", override.labels());
            reservedLabels(at + "/labels", override.labels());
            notifications.receiverRefs(at + "/notify", override.alsoNotify(), receivers, "alert " + name);
        });
        ResolvedAlert drop = spec.builtinAlert(BuiltinAlert.MODEL_ACCURACY_DROP);
        ResolvedAlert degradation = spec.builtinAlert(BuiltinAlert.ACCURACY_DEGRADATION);
        if (drop.enabled() && degradation.enabled() && degradation.threshold().value() >= drop.threshold().value()) {
            String at = spec.alerts().containsKey(degradation.name()) ? "/alerts/AccuracyDegradation/threshold"
                    : "/alerts/ModelAccuracyDrop/threshold";
            error(at, "AccuracyDegradation threshold " + degradation.threshold()
                    + " is not below ModelAccuracyDrop threshold " + drop.threshold(),
                    "the high tier covers drops between the two thresholds; keep it below the critical one");
        }
    }

    private void threshold(String at, BuiltinAlert alert, Threshold t) {
        ThresholdKind kind = alert.thresholdKind();
        String name = alert.alertName();
        switch (kind) {
            case FRACTION -> {
                if (t.form() == Threshold.Form.DURATION) {
                    error(at, name + " threshold must be a share, got duration '" + t.text() + "'", "write 0.05 or '5%'");
                } else if (!(t.value() > 0 && t.value() < 1)) {
                    error(at, name + " threshold " + t.text() + " is out of range: it is a share between 0 and 1",
                            t.value() >= 1 && t.value() < 100 && t.form() == Threshold.Form.NUMBER
                                    ? "did you mean " + Threshold.plain(t.value() / 100) + " (or '" + t.text() + "%')?"
                                    : "write 0.05 or '5%' for five percent");
                }
            }
            case SECONDS -> {
                if (t.form() == Threshold.Form.PERCENT) {
                    error(at, name + " threshold is a latency, got percentage '" + t.text() + "'", "write 10 or '10s'");
                } else if (!(t.value() > 0)) {
                    error(at, name + " threshold " + t.text() + " is out of range: a latency above zero",
                            "write seconds (10) or a duration ('500ms')");
                }
            }
            case WINDOW -> {
                if (t.form() != Threshold.Form.DURATION || !(t.value() > 0)) {
                    error(at, name + " threshold must be a duration window above zero, got '" + t.text() + "'",
                            "write e.g. '2m'");
                }
            }
            case COUNT -> {
                if (t.form() != Threshold.Form.NUMBER || t.value() < 1 || t.value() != Math.rint(t.value())) {
                    error(at, name + " threshold " + t.text() + " is out of range: a whole number of at least 1", null);
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private void customAlerts(Set<String> receivers) {
        Map<String, String> names = new HashMap<>();
        for (BuiltinAlert alert : BuiltinAlert.values()) {
            names.put(alert.alertName(), null);
        }
        for (int i = 0; i < spec.customAlerts().size(); i++) {
            CustomAlert a = spec.customAlerts().get(i);
            String at = "/custom_alerts/" + i;
            if (a.name() != null && !a.name().isBlank()) {
                if (!LabelMatchers.METRIC_NAME.matcher(a.name()).matches() || a.name().contains(":")) {
                    error(at + "/name", "invalid alert name '" + a.name() + "'",
                            "alert names are letters, digits and '_', not starting with a digit");
                }
                if (names.containsKey(a.name())) {
                    String first = names.get(a.name());
                    if (first == null) {
                        error(at + "/name", "duplicate alert name '" + a.name() + "': it is a built-in alert",
                                "to change the built-in one use alerts." + a.name() + "; otherwise pick another name");
                    } else {
                        error(at + "/name", "duplicate alert name '" + a.name() + "' (also at line "
                                + yaml.valueAt(first + "/name").line() + ")", "alert names must be unique");
                    }
                } else {
                    names.put(a.name(), at);
                }
            }
            if (a.expr() != null && !a.expr().isBlank()) {
                promqlShape(at + "/expr", a.expr());
            }
            labelNames(at + "/labels", a.labels());
            reservedLabels(at + "/labels", a.labels());
            labelNames(at + "/annotations", a.annotations());
            if (a.test() != null) {
                customAlertTest(at + "/test", a.test());
            }
            notifications.receiverRefs(at + "/notify", a.alsoNotify(), receivers, "alert " + a.name());
        }
    }

    private void customAlertTest(String at, CustomAlert.Test test) {
        positive(at + "/interval", test.interval());
        positive(at + "/fires_at", test.firesAt());
        for (int i = 0; i < test.inputSeries().size(); i++) {
            CustomAlert.InputSeries series = test.inputSeries().get(i);
            if (series.series() != null && series.labels().isEmpty()) {
                error(at + "/input_series/" + i + "/series", "invalid input series '" + series.series() + "'",
                        "write it as promtool does: metric_name{label=\"value\", ...}");
            }
        }
        labelNames(at + "/labels", test.labels());
    }

    /** What can be checked of PromQL without a PromQL parser: brackets and quotes balance. */
    private void promqlShape(String at, String expr) {
        java.util.ArrayDeque<Character> open = new java.util.ArrayDeque<>();
        char quote = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'', '`' -> quote = c;
                case '(', '[', '{' -> open.push(c);
                case ')', ']', '}' -> {
                    char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                    if (open.isEmpty() || open.pop() != expected) {
                        error(at, "unbalanced '" + c + "' in expr at character " + (i + 1), null);
                        return;
                    }
                }
                default -> {
                }
            }
        }
        if (quote != 0) {
            error(at, "unterminated string in expr", "close the " + quote + " quote");
        } else if (!open.isEmpty()) {
            error(at, "unclosed '" + open.peek() + "' in expr", null);
        }
    }

    private void slos() {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < spec.slos().size(); i++) {
            Slo slo = spec.slos().get(i);
            String at = "/slos/" + i;
            if (slo.name() != null && !slo.name().isBlank()) {
                if (!LabelMatchers.LABEL_NAME.matcher(slo.name().replace('-', '_')).matches()) {
                    error(at + "/name", "invalid SLO name '" + slo.name() + "'", "use letters, digits, '_' and '-'");
                }
                String first = names.putIfAbsent(slo.name(), at);
                if (first != null) {
                    error(at + "/name", "duplicate SLO name '" + slo.name() + "' (also at line "
                            + yaml.valueAt(first + "/name").line() + ")", "SLO names must be unique");
                }
            }
            if (slo.objective() != null && !(slo.objective() > 0 && slo.objective() < 100)) {
                error(at + "/objective", "objective " + Threshold.plain(slo.objective())
                        + " is out of range: a percentage between 0 and 100", slo.objective() > 0 && slo.objective() < 1
                        ? "did you mean " + Threshold.plain(slo.objective() * 100) + "?"
                        : "write 99.9 for three nines");
            }
            positive(at + "/window", slo.window());
            Slo.Indicator ind = slo.indicator();
            if (ind == null || ind.type() == null) {
                continue;
            }
            String indAt = at + "/indicator";
            switch (ind.type()) {
                case LATENCY -> {
                    if (ind.threshold() == null) {
                        error(indAt, "a latency indicator needs a threshold", "add threshold: 100ms");
                    } else if (ind.threshold().form() == Threshold.Form.PERCENT || !(ind.threshold().value() > 0)) {
                        error(indAt + "/threshold", "latency threshold must be a time above zero", "write 0.1 or '100ms'");
                    }
                }
                case ACCURACY -> {
                    if (ind.threshold() == null) {
                        error(indAt, "an accuracy indicator needs a threshold", "add threshold: 0.9");
                    } else if (!(ind.threshold().value() > 0 && ind.threshold().value() < 1)
                            || ind.threshold().form() == Threshold.Form.DURATION) {
                        error(indAt + "/threshold", "accuracy threshold must be a share between 0 and 1",
                                "write 0.9 or '90%'");
                    }
                }
                case CUSTOM -> {
                    if (ind.errorQuery() == null || ind.totalQuery() == null) {
                        error(indAt, "a custom indicator needs error_query and total_query",
                                "use {{.window}} for the range, e.g. sum(rate(errors_total[{{.window}}]))");
                    }
                }
                case AVAILABILITY -> {
                }
                default -> throw new IllegalStateException(ind.type().name());
            }
        }
    }

    private void dashboard() {
        String uid = spec.dashboard().uid();
        if (uid != null && !DASHBOARD_UID.matcher(uid).matches()) {
            error("/dashboard/uid", "invalid dashboard uid '" + uid + "'",
                    "Grafana uids are at most 40 letters, digits, '-' and '_'");
        }
        positive("/dashboard/refresh", spec.dashboard().refresh());
    }

    private void drift() {
        DriftSettings d = spec.drift();
        if (!(d.alpha() > 0 && d.alpha() < 1)) {
            error("/drift/alpha", "alpha " + Threshold.plain(d.alpha()) + " is out of range: between 0 and 1",
                    "0.05 is the usual choice");
        }
        if (!(d.minEffect() >= 0 && d.minEffect() <= 1)) {
            error("/drift/min_effect", "min_effect is a KS statistic between 0 and 1", null);
        }
        if (d.minImages() < 2) {
            error("/drift/min_images", "min_images must be at least 2", null);
        }
        if (d.pushgateway() != null) {
            endpoint("/drift/pushgateway", d.pushgateway());
            if (spec.targets().stream().anyMatch(t -> PUSHGATEWAY_JOB.equals(t.job()))) {
                error("/drift/pushgateway", "a target is already named '" + PUSHGATEWAY_JOB + "'",
                        "drop that target: drift.pushgateway adds the scrape job, with honor_labels");
            }
        }
        for (int i = 0; i < d.features().size(); i++) {
            String f = d.features().get(i);
            if (!DriftSettings.FEATURES.contains(f)) {
                error("/drift/features/" + i, "unknown drift feature '" + f + "'", DidYouMean.hint(f, DriftSettings.FEATURES));
            }
        }
    }

}
