package io.vpmon.generate;

import io.vpmon.generate.AnnotationTemplate.ValueFormat;
import io.vpmon.generate.Promql.Selector;
import io.vpmon.generate.Scenario.Expectation;
import io.vpmon.generate.Scenario.Series;
import io.vpmon.spec.BuiltinAlert;
import io.vpmon.spec.LabelMatchers;
import io.vpmon.spec.MetricsContract;
import io.vpmon.spec.PromDuration;
import io.vpmon.spec.ResolvedAlert;
import io.vpmon.spec.Spec;
import io.vpmon.spec.Threshold;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The built-in alerts (the seed's twelve and the drift alert) as PromQL, with their annotations
 * and the promtool scenarios that test them. Each expression aggregates before it divides (numerator and denominator with the
 * same {@code sum by}), takes quantiles over summed bucket rates, and keeps the label set the
 * spec's {@code group_by} names, so alerts are per service, not per scraped series.
 */
final class BuiltinRules {
    static final PromDuration STEP = PromDuration.parse("1m");
    static final PromDuration HOUR = PromDuration.parse("1h");
    private static final PromDuration DAY = PromDuration.parse("1d");
    private static final PromDuration WEEK = PromDuration.parse("1w");
    private static final double REQUESTS_PER_STEP = 600;

    private final Spec spec;
    private final MetricsContract metrics;
    private final List<String> groupBy;
    private final PromDuration window;
    private final RuleLabels ruleLabels;
    private final List<String> notes;

    BuiltinRules(Spec spec, RuleLabels ruleLabels, List<String> notes) {
        this.spec = spec;
        this.metrics = spec.metrics();
        this.groupBy = metrics.groupBy();
        this.window = metrics.rateWindow();
        this.ruleLabels = ruleLabels;
        this.notes = notes;
    }

    List<AlertRule> build() {
        List<AlertRule> rules = new ArrayList<>();
        for (ResolvedAlert alert : spec.builtinAlerts()) {
            if (alert.enabled()) {
                rules.add(build(alert));
            }
        }
        return rules;
    }

    private AlertRule build(ResolvedAlert a) {
        return switch (a.alert()) {
            case MODEL_ACCURACY_DROP -> accuracyDrop(a, null);
            case ACCURACY_DEGRADATION -> accuracyDrop(a, enabledThreshold(BuiltinAlert.MODEL_ACCURACY_DROP));
            case API_ERROR_RATE_HIGH, ERROR_RATE_INCREASING -> errorRate(a);
            case INFERENCE_LATENCY_SPIKE, LATENCY_ELEVATED -> latency(a);
            case SERVICE_UNAVAILABLE -> serviceUnavailable(a);
            case LOW_CACHE_HIT_RATE -> cacheHitRate(a);
            case DATASET_COLLECTION_SLOW -> datasetCollection(a);
            case MODEL_TRAINING_NOT_IMPROVING -> trainingNotImproving(a);
            case RESOURCE_USAGE_HIGH -> cpuUsage(a);
            case USER_ENGAGEMENT_DOWN -> engagement(a);
            case DATA_DRIFT_DETECTED -> dataDrift(a);
        };
    }

    // --- selectors -------------------------------------------------------------------------

    private Selector app(MetricsContract.MetricRef ref) {
        return Selector.of(ref.name(), metrics.selectorFor(ref.selector()));
    }

    private Selector requests() {
        return Selector.of(metrics.requests().name(), metrics.selectorFor(metrics.requests().selector()));
    }

    private Selector errors() {
        return requests().with(metrics.requests().statusLabel(), "=~", metrics.requests().errorStatus());
    }

    private Selector successes() {
        return requests().with(metrics.requests().statusLabel(), "=~", metrics.requests().successStatus());
    }

    private Selector up() {
        return Selector.of("up", metrics.selectorFor(null));
    }

    private String sum(Selector s, String function, PromDuration range) {
        return Promql.aggregate("sum", groupBy, Promql.call(function, s.over(range)));
    }

    private List<String> groupByPlus(String label) {
        List<String> labels = new ArrayList<>(groupBy);
        if (!labels.contains(label)) {
            labels.add(label);
        }
        return labels;
    }

    // --- the alerts ------------------------------------------------------------------------

    private AlertRule errorRate(ResolvedAlert a) {
        double t = a.threshold().value();
        String ratio = sum(errors(), "rate", window) + "\n/\n" + sum(requests(), "rate", window);
        String expr = ratio + "\n> " + number(t);
        AnnotationTemplate summary = where(AnnotationTemplate.text("API error rate ").value(ValueFormat.PERCENT)
                .then(" on "), groupBy);
        AnnotationTemplate description = AnnotationTemplate.text("")
                .value(ValueFormat.PERCENT).then(" of requests to ");
        where(description, groupBy).then(" failed with status " + metrics.requests().errorStatus() + " over the last "
                + window + " (alert above " + percent(t) + " for " + a.forDuration() + "). Check logs and recent deploys;"
                + " roll back if a release is the cause.");
        String rationale = "Errors and all requests are each summed by (" + String.join(", ", groupBy)
                + ") before dividing, so one quiet instance with a few errors cannot trip the alert and a"
                + " busy one cannot hide; the ratio is undefined (no alert) when there is no traffic.";
        List<Scenario> scenarios = new ArrayList<>();
        Optional<Map<String, String>> base = example(requests());
        Optional<String> errorStatus = statusExample(metrics.requests().errorStatus());
        Optional<String> okStatus = statusExample(metrics.requests().successStatus())
                .filter(s -> !s.matches(metrics.requests().errorStatus()));
        if (base.isPresent() && errorStatus.isPresent() && okStatus.isPresent()) {
            double bad = round3(t < 0.5 ? 2 * t : (1 + t) / 2);
            double good = round3(t / 4);
            Timeline time = Timeline.minutes(a, STEP);
            String status = metrics.requests().statusLabel();
            scenarios.add(time.firing("fires when " + percent(bad) + " of requests fail", List.of(
                    series(requests(), base.get(), Map.of(status, okStatus.get()), time.counter(0, REQUESTS_PER_STEP * (1 - bad))),
                    series(requests(), base.get(), Map.of(status, errorStatus.get()), time.counter(0, REQUESTS_PER_STEP * bad))),
                    groupLabels(base.get()), bad));
            scenarios.add(time.quiet("stays quiet when " + percent(good) + " of requests fail", List.of(
                    series(requests(), base.get(), Map.of(status, okStatus.get()), time.counter(0, REQUESTS_PER_STEP * (1 - good))),
                    series(requests(), base.get(), Map.of(status, errorStatus.get()), time.counter(0, REQUESTS_PER_STEP * good)))));
        }
        return rule(a, expr, summary, description, rationale, scenarios);
    }

    private AlertRule latency(ResolvedAlert a) {
        double t = a.threshold().value();
        Selector buckets = app(metrics.inferenceLatency()).named(metrics.inferenceLatency().name() + "_bucket");
        String expr = "histogram_quantile(0.99, " + Promql.aggregate("sum", groupByPlus("le"),
                Promql.call("rate", buckets.over(window))) + ")\n> " + number(t);
        AnnotationTemplate summary = where(AnnotationTemplate.text("P99 inference latency ")
                .value(ValueFormat.DURATION).then(" on "), groupBy);
        AnnotationTemplate description = where(AnnotationTemplate.text("The 99th percentile of model inference time on "),
                groupBy).then(" is ").value(ValueFormat.DURATION).then(" over the last " + window + " (alert above "
                        + number(t) + "s for " + a.forDuration() + "). Check CPU/GPU saturation and queueing; scale out"
                        + " if load is the cause.");
        String rationale = "Bucket rates are summed by (le, " + String.join(", ", groupBy) + ") before"
                + " histogram_quantile, the only way to get a quantile across instances; averaging per-instance"
                + " quantiles is not a quantile.";
        List<Scenario> scenarios = new ArrayList<>();
        Optional<Map<String, String>> base = example(buckets);
        if (base.isPresent()) {
            Timeline time = Timeline.minutes(a, STEP);
            double[] bounds = {round3(t / 4), t, 2 * t};
            scenarios.add(time.firing("fires when requests take between " + number(t) + "s and " + number(2 * t) + "s",
                    histogram(buckets, base.get(), bounds, 2, time), groupLabels(base.get()), t + t * 0.99));
            scenarios.add(time.quiet("stays quiet when requests take under " + number(bounds[0]) + "s",
                    histogram(buckets, base.get(), bounds, 0, time)));
        }
        return rule(a, expr, summary, description, rationale, scenarios);
    }

    /** Cumulative bucket series with every observation in the bucket ending at bounds[filled]. */
    private List<Series> histogram(Selector buckets, Map<String, String> base, double[] bounds, int filled,
            Timeline time) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < bounds.length; i++) {
            series.add(series(buckets, base, Map.of("le", number(bounds[i])), time.counter(0, i >= filled ? REQUESTS_PER_STEP : 0)));
        }
        series.add(series(buckets, base, Map.of("le", "+Inf"), time.counter(0, REQUESTS_PER_STEP)));
        return series;
    }

    private AlertRule accuracyDrop(ResolvedAlert a, Double upperBound) {
        double t = a.threshold().value();
        Selector acc = app(metrics.accuracy());
        String drop = Promql.aggregate("max", groupBy,
                "1 - " + acc.render() + " / " + Promql.call("max_over_time", acc.over(HOUR)));
        String expr = drop + "\n> " + number(t) + (upperBound != null ? " <= " + number(upperBound) : "");
        AnnotationTemplate summary = where(AnnotationTemplate.text("Model accuracy down ").value(ValueFormat.PERCENT)
                .then(" within 1h on "), groupBy);
        AnnotationTemplate description = where(AnnotationTemplate.text("Model accuracy on "), groupBy)
                .then(" is ").value(ValueFormat.PERCENT).then(" below its highest value of the last hour (alert above "
                        + percent(t) + (upperBound != null ? " up to " + percent(upperBound) : "") + " for "
                        + a.forDuration() + "). Check input drift and the latest model or data release.");
        String rationale = "The drop is relative to each series' own maximum over the last hour, then the worst"
                + " series per (" + String.join(", ", groupBy) + ") is taken, so a drop in any model version shows."
                + (upperBound != null ? " The upper bound " + number(upperBound) + " is ModelAccuracyDrop's"
                        + " threshold: one drop fires one tier, never both." : "");
        List<Scenario> scenarios = new ArrayList<>();
        Optional<Map<String, String>> base = example(acc);
        if (base.isPresent()) {
            double baseline = 0.9;
            double bad = round3(upperBound != null ? (t + upperBound) / 2 : Math.min(2 * t, (1 + t) / 2));
            double small = round3(t / 2);
            double low = round4(baseline * (1 - bad));
            Timeline time = Timeline.minutes(a, PromDuration.parse("11m"));
            BuiltinAlert otherTier = a.alert() == BuiltinAlert.MODEL_ACCURACY_DROP ? BuiltinAlert.ACCURACY_DEGRADATION
                    : BuiltinAlert.MODEL_ACCURACY_DROP;
            ResolvedAlert other = spec.builtinAlert(otherTier);
            List<Expectation> otherTierQuiet = other.enabled()
                    ? List.of(Expectation.silent(other.name(), time.forAlert(other).fireAt())) : List.of();
            int samples = other.enabled() ? Math.max(time.samples(), time.forAlert(other).samples()) : time.samples();
            scenarios.add(time.firing("fires when accuracy drops " + percent(bad),
                    List.of(series(acc, base.get(), Map.of(), "0.9x10 " + number(low) + "x" + samples)),
                    groupLabels(base.get()), 1 - low / baseline, otherTierQuiet));
            scenarios.add(time.quiet("stays quiet when accuracy drops only " + percent(small), List.of(series(acc,
                    base.get(), Map.of(), "0.9x10 " + number(round4(baseline * (1 - small))) + "x" + time.samples()))));
        }
        return rule(a, expr, summary, description, rationale, scenarios);
    }

    private AlertRule serviceUnavailable(ResolvedAlert a) {
        PromDuration quiet = PromDuration.ofMillis(Math.round(a.threshold().value() * 1000));
        Selector ok = successes();
        String expr = sum(ok, "increase", quiet) + " == 0\nor\n"
                + Promql.aggregate("max", groupBy, up().render()) + " == 0\nor\n"
                + Promql.call("absent_over_time", ok.over(quiet)) + " * 0";
        AnnotationTemplate summary = where(AnnotationTemplate.text("No successful requests on "), groupBy)
                .then(" for " + quiet);
        AnnotationTemplate description = where(AnnotationTemplate.text(""), groupBy).then(" served ")
                .value(ValueFormat.NUMBER).then(" successful requests in the last " + quiet + ": the service is down,"
                        + " failing every request, or not scraped (target down or " + metrics.requests().name()
                        + " missing). Fail over or restart; check the last deploy.");
        String rationale = "Three ways to be unavailable, joined with 'or': successful requests stopped increasing,"
                + " the scrape target is down (up == 0 on every instance), or the success series is absent"
                + " altogether (absent_over_time, multiplied by 0 so the value still counts successes).";
        List<Scenario> scenarios = new ArrayList<>();
        Optional<Map<String, String>> base = example(requests());
        Optional<Map<String, String>> upBase = example(up());
        Optional<String> okStatus = statusExample(metrics.requests().successStatus());
        if (base.isPresent() && upBase.isPresent() && okStatus.isPresent()) {
            String status = metrics.requests().statusLabel();
            Timeline time = Timeline.minutes(a, STEP);
            if (quiet.millis() < 2 * STEP.millis()) {
                time = time.sampledEvery(PromDuration.ofMillis(quiet.millis() / 2));
            }
            Timeline immediately = time.startingAt(PromDuration.parse("0s"));
            Series flowing = series(requests(), base.get(), Map.of(status, okStatus.get()),
                    time.counter(0, REQUESTS_PER_STEP));
            Series stalled = series(requests(), base.get(), Map.of(status, okStatus.get()), time.counter(1000, 0));
            Series upSeries = series(up(), upBase.get(), Map.of(), time.counter(1, 0));
            Series downSeries = series(up(), upBase.get(), Map.of(), time.counter(0, 0));
            scenarios.add(time.firing("fires when successful requests stop", List.of(stalled, upSeries),
                    groupLabels(base.get()), 0));
            scenarios.add(immediately.firing("fires when the target is down", List.of(flowing, downSeries),
                    groupLabels(upBase.get()), 0));
            scenarios.add(immediately.firing("fires when the request metric is absent", List.of(upSeries),
                    new TreeMap<>(ok.equalityLabels()), 0));
            scenarios.add(time.quiet("stays quiet when requests succeed and the target is up",
                    List.of(flowing, upSeries)));
        }
        return rule(a, expr, summary, description, rationale, scenarios);
    }

    private AlertRule cacheHitRate(ResolvedAlert a) {
        double t = a.threshold().value();
        Selector hits = app(metrics.cacheHits());
        Selector lookups = app(metrics.cacheRequests());
        String expr = sum(hits, "rate", window) + "\n/\n" + sum(lookups, "rate", window) + "\n< " + number(t);
        AnnotationTemplate summary = where(AnnotationTemplate.text("Cache hit rate ").value(ValueFormat.PERCENT)
                .then(" on "), groupBy);
        AnnotationTemplate description = where(AnnotationTemplate.text("The prediction cache on "), groupBy)
                .then(" answered ").value(ValueFormat.PERCENT).then(" of lookups over the last " + window
                        + " (alert below " + percent(t) + " for " + a.forDuration() + "). Check cache size, eviction"
                        + " and key changes in the last release.");
        String rationale = "Hits and lookups are summed by (" + String.join(", ", groupBy) + ") before dividing;"
                + " no lookups means no ratio and no alert.";
        List<Scenario> scenarios = new ArrayList<>();
        Optional<Map<String, String>> hitBase = example(hits);
        Optional<Map<String, String>> lookupBase = example(lookups);
        if (hitBase.isPresent() && lookupBase.isPresent()) {
            double bad = round3(t / 2);
            double good = round3((1 + t) / 2);
            Timeline time = Timeline.minutes(a, STEP);
            scenarios.add(time.firing("fires when " + percent(bad) + " of lookups hit", List.of(
                    series(hits, hitBase.get(), Map.of(), time.counter(0, REQUESTS_PER_STEP * bad)),
                    series(lookups, lookupBase.get(), Map.of(), time.counter(0, REQUESTS_PER_STEP))),
                    groupLabels(hitBase.get()), bad));
            scenarios.add(time.quiet("stays quiet when " + percent(good) + " of lookups hit", List.of(
                    series(hits, hitBase.get(), Map.of(), time.counter(0, REQUESTS_PER_STEP * good)),
                    series(lookups, lookupBase.get(), Map.of(), time.counter(0, REQUESTS_PER_STEP)))));
        }
        return rule(a, expr, summary, description, rationale, scenarios);
    }

    private AlertRule datasetCollection(ResolvedAlert a) {
        double t = a.threshold().value();
        Selector images = app(metrics.datasetImages());
        String expr = sum(images, "increase", DAY) + "\n< " + number(t);
        AnnotationTemplate summary = where(AnnotationTemplate.text("Dataset collection slow on "), groupBy)
                .then(": ").value(ValueFormat.NUMBER).then(" images in the last day");
        AnnotationTemplate description = AnnotationTemplate.text("Only ")
                .value(ValueFormat.NUMBER).then(" images were added to the dataset in the last day (alert below "
                        + number(t) + "/day for " + a.forDuration() + "). Contact contributors; check the upload"
                        + " pipeline.");
        String rationale = "increase() over one day of the image counter, held for the alert's duration: the seed's"
                + " '<" + number(t) + " images/day for 2 days'.";
        List<Scenario> scenarios = new ArrayList<>();
        Optional<Map<String, String>> base = example(images);
        if (base.isPresent()) {
            Timeline time = Timeline.hours(a, HOUR);
            double perDayBad = t / 2;
            scenarios.add(time.firing("fires at " + number(perDayBad) + " images/day",
                    List.of(series(images, base.get(), Map.of(), time.counter(0, perDayBad / 24))),
                    groupLabels(base.get()), perDayBad));
            scenarios.add(time.quiet("stays quiet at " + number(2 * t) + " images/day",
                    List.of(series(images, base.get(), Map.of(), time.counter(0, 2 * t / 24)))));
        }
        return rule(a, expr, summary, description, rationale, scenarios);
    }

    private AlertRule trainingNotImproving(ResolvedAlert a) {
        double t = a.threshold().value();
        Selector epoch = app(metrics.trainingEpoch());
        Selector best = app(metrics.bestEpoch());
        String expr = Promql.aggregate("max", groupBy, epoch.render()) + "\n- "
                + Promql.aggregate("max", groupBy, best.render()) + "\n>= " + number(t);
        AnnotationTemplate summary = where(AnnotationTemplate.text("Training on "), groupBy)
                .then(" has not improved for ").value(ValueFormat.NUMBER).then(" epochs");
        AnnotationTemplate description = AnnotationTemplate.text("Validation accuracy last improved ")
                .value(ValueFormat.NUMBER).then(" epochs ago (alert at " + number(t) + " epochs). Review the learning"
                        + " rate and hyperparameters, or stop the run early.");
        String rationale = "The current epoch minus the epoch of the best validation accuracy, both from gauges the"
                + " training job exports: epochs without improvement, no matter how long an epoch takes.";
        List<Scenario> scenarios = new ArrayList<>();
        Optional<Map<String, String>> epochBase = example(epoch);
        Optional<Map<String, String>> bestBase = example(best);
        if (epochBase.isPresent() && bestBase.isPresent()) {
            int stall = 5;
            Timeline time = Timeline.minutes(a, PromDuration.ofMillis((stall + (long) t) * STEP.millis()));
            double gapAtFire = (time.fireAt().millis() / STEP.millis()) - stall;
            scenarios.add(time.firing("fires when the best epoch stops moving", List.of(
                    series(epoch, epochBase.get(), Map.of(), time.counter(0, 1)),
                    series(best, bestBase.get(), Map.of(), linear(0, 1, stall) + " " + stall + "x" + time.samples())),
                    groupLabels(epochBase.get()), gapAtFire));
            scenarios.add(time.quiet("stays quiet when every epoch improves", List.of(
                    series(epoch, epochBase.get(), Map.of(), time.counter(0, 1)),
                    series(best, bestBase.get(), Map.of(), time.counter(0, 1)))));
        }
        return rule(a, expr, summary, description, rationale, scenarios);
    }

    private AlertRule cpuUsage(ResolvedAlert a) {
        double t = a.threshold().value();
        Selector idle = app(metrics.cpuSeconds()).with("mode", "=", "idle");
        List<String> by = groupByPlus("instance");
        String expr = "1 - " + Promql.aggregate("avg", by, Promql.call("rate", idle.over(window))) + "\n> " + number(t);
        AnnotationTemplate summary = where(AnnotationTemplate.text("CPU ").value(ValueFormat.PERCENT)
                .then(" busy on "), by);
        AnnotationTemplate description = where(AnnotationTemplate.text("CPU on "), by).then(" has been ")
                .value(ValueFormat.PERCENT).then(" busy (alert above " + percent(t) + " for " + a.forDuration()
                        + "). Find the hungry process; plan capacity if the load is real.");
        String rationale = "One minus the idle share, averaged over the CPUs of each instance: the busy share of"
                + " the whole machine, whatever its core count.";
        List<Scenario> scenarios = new ArrayList<>();
        Optional<Map<String, String>> base = example(idle);
        if (base.isPresent()) {
            Map<String, String> machine = new LinkedHashMap<>(base.get());
            machine.putIfAbsent("instance", "node-1:9100");
            machine.put("cpu", "0");
            double busy = round3((1 + t) / 2);
            double calm = round3(t / 2);
            Timeline time = Timeline.minutes(a, STEP);
            double stepSeconds = STEP.seconds();
            SortedMap<String, String> alertLabels = new TreeMap<>();
            for (String label : by) {
                if (machine.containsKey(label)) {
                    alertLabels.put(label, machine.get(label));
                }
            }
            scenarios.add(time.firing("fires at " + percent(busy) + " busy",
                    List.of(series(idle, machine, Map.of(), time.counter(0, stepSeconds * (1 - busy)))), alertLabels, busy));
            scenarios.add(time.quiet("stays quiet at " + percent(calm) + " busy",
                    List.of(series(idle, machine, Map.of(), time.counter(0, stepSeconds * (1 - calm))))));
        }
        return rule(a, expr, summary, description, rationale, scenarios);
    }

    private AlertRule engagement(ResolvedAlert a) {
        double t = a.threshold().value();
        Selector dau = app(metrics.dailyActiveUsers());
        String expr = "1 - " + Promql.aggregate("sum", groupBy, dau.render()) + " / "
                + Promql.aggregate("sum", groupBy, dau.render() + " offset " + WEEK) + "\n> " + number(t);
        AnnotationTemplate summary = where(AnnotationTemplate.text("Daily active users down ")
                .value(ValueFormat.PERCENT).then(" week over week on "), groupBy);
        AnnotationTemplate description = AnnotationTemplate.text("Daily active users are ").value(ValueFormat.PERCENT)
                .then(" below the same time last week (alert above " + percent(t) + " for " + a.forDuration()
                        + "). Review product changes and outages of the last week.");
        String rationale = "The gauge now against the same gauge one week earlier (offset 1w), so the daily and"
                + " weekly rhythm cancels out.";
        List<Scenario> scenarios = new ArrayList<>();
        Optional<Map<String, String>> base = example(dau);
        if (base.isPresent()) {
            Timeline time = Timeline.hours(a, WEEK);
            int weekSamples = (int) (WEEK.millis() / HOUR.millis());
            String lastWeek = "1000x" + (weekSamples - 1) + " ";
            int after = time.samples() - weekSamples;
            double drop = round3(Math.min(2 * t, (1 + t) / 2));
            double small = round3(t / 2);
            double now = 1000 * (1 - drop);
            scenarios.add(time.firing("fires when users drop " + percent(drop),
                    List.of(series(dau, base.get(), Map.of(), lastWeek + number(now) + "x" + after)),
                    groupLabels(base.get()), 1 - now / 1000));
            scenarios.add(time.quiet("stays quiet when users drop only " + percent(small), List.of(series(dau,
                    base.get(), Map.of(), lastWeek + number(1000 * (1 - small)) + "x" + after))));
        }
        return rule(a, expr, summary, description, rationale, scenarios);
    }

    /** vpmon's own metric: `vpmon drift check` publishes it labelled with the service, via Pushgateway or a textfile. */
    private AlertRule dataDrift(ResolvedAlert a) {
        double t = a.threshold().value();
        Selector score = Selector.of("data_drift_score", "service=" + LabelMatchers.quote(spec.service().name()));
        List<String> by = List.of("service");
        String expr = Promql.aggregate("max", by, score.render()) + " > " + number(t);
        AnnotationTemplate summary = AnnotationTemplate.text("Input drift on ").label("service").then(": score ")
                .value(ValueFormat.TWO_DECIMALS);
        AnnotationTemplate description = AnnotationTemplate.text("The last 'vpmon drift check' of ").label("service")
                .then(" scored ").value(ValueFormat.TWO_DECIMALS).then(" (alert above " + number(t) + " for "
                        + a.forDuration() + "): the images the model sees have moved away from the reference batch."
                        + " Compare the per-feature results of the check; consider retraining.");
        String rationale = "The score 'vpmon drift check' publishes (data_drift_score, labelled with the service),"
                + " as kept by the Pushgateway or a textfile until the next check replaces it; the worst value per"
                + " service decides.";
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, String> base = Map.of("service", spec.service().name(), "job", "vpmon-drift");
        double bad = round3((1 + t) / 2);
        double calm = round3(t / 2);
        Timeline time = Timeline.minutes(a, PromDuration.parse("0s"));
        SortedMap<String, String> labels = new TreeMap<>(Map.of("service", spec.service().name()));
        scenarios.add(time.firing("fires when the drift score is " + number(bad),
                List.of(series(score, base, Map.of(), time.counter(bad, 0))), labels, bad));
        scenarios.add(time.quiet("stays quiet when the drift score is " + number(calm),
                List.of(series(score, base, Map.of(), time.counter(calm, 0)))));
        return rule(a, expr, summary, description, rationale, scenarios);
    }

    // --- shared helpers --------------------------------------------------------------------

    private AlertRule rule(ResolvedAlert a, String expr, AnnotationTemplate summary, AnnotationTemplate description,
            String rationale, List<Scenario> scenarios) {
        if (scenarios.isEmpty()) {
            notes.add("no rule test for " + a.name() + ": cannot build example series for its selectors");
        }
        return new AlertRule(a.name(), a.severity(), expr, a.forDuration(), ruleLabels.forBuiltin(a),
                ruleLabels.annotations(a.name(), orderedMap("summary", summary, "description", description)),
                a.threshold().text(), rationale, scenarios);
    }

    private static Map<String, AnnotationTemplate> orderedMap(String k1, AnnotationTemplate v1, String k2,
            AnnotationTemplate v2) {
        Map<String, AnnotationTemplate> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private Double enabledThreshold(BuiltinAlert alert) {
        ResolvedAlert resolved = spec.builtinAlert(alert);
        return resolved.enabled() ? resolved.threshold().value() : null;
    }

    private Optional<Map<String, String>> example(Selector selector) {
        return ExampleLabels.satisfying(selector.matchers()).map(labels -> {
            Map<String, String> withGroups = new LinkedHashMap<>(labels);
            for (String label : groupBy) {
                withGroups.putIfAbsent(label, ExampleLabels.FILLER);
            }
            return withGroups;
        });
    }

    private static Optional<String> statusExample(String regex) {
        return ExampleLabels.RegexExample.of(regex);
    }

    private SortedMap<String, String> groupLabels(Map<String, String> seriesLabels) {
        SortedMap<String, String> labels = new TreeMap<>();
        for (String label : groupBy) {
            if (seriesLabels.containsKey(label)) {
                labels.put(label, seriesLabels.get(label));
            }
        }
        return labels;
    }

    private static Series series(Selector selector, Map<String, String> base, Map<String, String> extra, String values) {
        SortedMap<String, String> labels = new TreeMap<>(base);
        labels.putAll(extra);
        labels.put("__name__", selector.metric());
        return new Series(labels, values);
    }

    /** A where-fragment: the group-by label values joined by '/', or the service name when there are none. */
    private AnnotationTemplate where(AnnotationTemplate template, List<String> labels) {
        if (labels.isEmpty()) {
            return template.then(spec.service().name());
        }
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                template.then("/");
            }
            template.label(labels.get(i));
        }
        return template;
    }

    /** promtool's expanding notation for a line: start, start+step, ... (steps+1 values). */
    private static String linear(double start, double step, int steps) {
        return number(start) + (step >= 0 ? "+" : "-") + number(Math.abs(step)) + "x" + steps;
    }

    static String number(double v) {
        return Threshold.plain(v);
    }

    private static String percent(double fraction) {
        return number(round4(fraction * 100)) + "%";
    }

    private static double round3(double v) {
        return new BigDecimal(v).round(new MathContext(3)).doubleValue();
    }

    private static double round4(double v) {
        return new BigDecimal(v).round(new MathContext(4)).doubleValue();
    }

    /**
     * When a scenario's condition starts to hold, how often rules are evaluated and series
     * sampled, and so when the alert must fire: one evaluation after its 'for' has passed, never
     * one step earlier.
     */
    private record Timeline(String alertName, PromDuration evaluation, PromDuration interval, PromDuration onset,
            PromDuration forDuration) {

        static Timeline minutes(ResolvedAlert alert, PromDuration onset) {
            return new Timeline(alert.name(), STEP, STEP, onset, alert.forDuration());
        }

        static Timeline hours(ResolvedAlert alert, PromDuration onset) {
            return new Timeline(alert.name(), HOUR, HOUR, onset, alert.forDuration());
        }

        Timeline startingAt(PromDuration newOnset) {
            return new Timeline(alertName, evaluation, interval, newOnset, forDuration);
        }

        Timeline sampledEvery(PromDuration newInterval) {
            return new Timeline(alertName, evaluation, newInterval, onset, forDuration);
        }

        Timeline forAlert(ResolvedAlert other) {
            return new Timeline(other.name(), evaluation, interval, onset, other.forDuration());
        }

        PromDuration fireAt() {
            return PromDuration.ofMillis(ceil(onset.millis()) + ceil(forDuration.millis()));
        }

        private long ceil(long millis) {
            long step = evaluation.millis();
            return (millis + step - 1) / step * step;
        }

        /** Samples needed so every series outlasts the last evaluation. */
        int samples() {
            return (int) ((fireAt().millis() + interval.millis() - 1) / interval.millis()) + 2;
        }

        String counter(double start, double increment) {
            return linear(start, increment, samples());
        }

        Scenario firing(String what, List<Series> series, SortedMap<String, String> labels, double value) {
            return firing(what, series, labels, value, List.of());
        }

        Scenario firing(String what, List<Series> series, SortedMap<String, String> labels, double value,
                List<Expectation> alsoChecked) {
            List<Expectation> checks = new ArrayList<>();
            PromDuration fireAt = fireAt();
            if (fireAt.millis() >= evaluation.millis()) {
                checks.add(Expectation.silent(alertName, PromDuration.ofMillis(fireAt.millis() - evaluation.millis())));
            }
            checks.add(new Expectation(alertName, fireAt, true, labels, value));
            checks.addAll(alsoChecked);
            return new Scenario(alertName + " " + what, evaluation, interval, series, checks);
        }

        Scenario quiet(String what, List<Series> series) {
            return new Scenario(alertName + " " + what, evaluation, interval, series,
                    List.of(Expectation.silent(alertName, fireAt())));
        }
    }
}
