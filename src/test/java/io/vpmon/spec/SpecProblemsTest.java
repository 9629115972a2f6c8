package io.vpmon.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of spec mistake is reported with its message, hint, line and column. */
class SpecProblemsTest {
    private static final String BASE = """
            apiVersion: vpmon/v1
            service:
              name: shop
            targets:
              - job: shop-api
                endpoints: ["api:8000"]
            """;

    private static List<Problem> problems(String yaml) {
        return SpecLoader.parse("spec.yaml", yaml.getBytes(StandardCharsets.UTF_8)).problems();
    }

    private static Problem onlyError(String yaml) {
        List<Problem> errors = problems(yaml).stream().filter(Problem::isError).toList();
        assertThat(errors).as("errors in\n" + yaml).hasSize(1);
        return errors.get(0);
    }

    private static void assertAt(Problem p, int line, int column) {
        assertThat(p.location()).isEqualTo(new SourceLocation("spec.yaml", line, column));
    }

    @Test
    void theBaseSpecIsValid() {
        SpecLoader.Result result = SpecLoader.parse("spec.yaml", BASE.getBytes(StandardCharsets.UTF_8));
        assertThat(result.problems()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.spec().metrics().selector()).isEqualTo("job=\"shop-api\"");
    }

    @Test
    void unknownKeyIsPointedAtWithTheClosestValidKey() {
        Problem p = onlyError(BASE + """
                alerts:
                  LatencyElevated:
                    treshold: 3
                """);
        assertThat(p.message()).isEqualTo("unknown key 'treshold' in alerts.LatencyElevated");
        assertThat(p.hint()).isEqualTo("did you mean 'threshold'?");
        assertAt(p, 9, 5);
    }

    @Test
    void unknownTopLevelKeyWithoutCloseMatchListsTheValidKeys() {
        Problem p = onlyError(BASE + "grafana: {}\n");
        assertThat(p.message()).isEqualTo("unknown key 'grafana' in (top level)");
        assertThat(p.hint()).startsWith("expected one of: apiVersion, service, prometheus, targets");
        assertAt(p, 7, 1);
    }

    @Test
    void badPrometheusDurationShowsTheSyntax() {
        Problem p = onlyError(BASE + """
                alerts:
                  APIErrorRateHigh:
                    for: 5 minutes
                """);
        assertThat(p.message()).isEqualTo("invalid duration '5 minutes' for alerts.APIErrorRateHigh.for");
        assertThat(p.hint()).isEqualTo(PromDuration.HINT);
        assertAt(p, 9, 10);
    }

    @Test
    void durationWithoutUnitSuggestsSeconds() {
        Problem p = onlyError(BASE + """
                prometheus:
                  scrape_interval: 30
                """);
        assertThat(p.message()).isEqualTo("invalid duration 30 for prometheus.scrape_interval: a duration needs a unit");
        assertThat(p.hint()).startsWith("did you mean '30s'?");
        assertAt(p, 8, 20);
    }

    @Test
    void thresholdOutOfRangeSuggestsTheFraction() {
        Problem p = onlyError(BASE + """
                alerts:
                  APIErrorRateHigh: {threshold: 5}
                """);
        assertThat(p.message()).isEqualTo(
                "APIErrorRateHigh threshold 5 is out of range: it is a share between 0 and 1");
        assertThat(p.hint()).isEqualTo("did you mean 0.05 (or '5%')?");
        assertAt(p, 8, 33);
    }

    @Test
    void percentagesAndDurationsAreAcceptedWhereTheyMakeSense() {
        SpecLoader.Result result = SpecLoader.parse("spec.yaml", (BASE + """
                alerts:
                  APIErrorRateHigh: {threshold: 7%}
                  LatencyElevated: {threshold: 750ms}
                """).getBytes(StandardCharsets.UTF_8));
        assertThat(result.problems()).isEmpty();
        assertThat(result.spec().builtinAlert(BuiltinAlert.API_ERROR_RATE_HIGH).threshold().value()).isEqualTo(0.07);
        assertThat(result.spec().builtinAlert(BuiltinAlert.LATENCY_ELEVATED).threshold().value()).isEqualTo(0.75);
    }

    @Test
    void latencyThresholdGivenAsPercentageIsRefused() {
        Problem p = onlyError(BASE + """
                alerts:
                  LatencyElevated: {threshold: 5%}
                """);
        assertThat(p.message()).isEqualTo("LatencyElevated threshold is a latency, got percentage '5%'");
        assertAt(p, 8, 32);
    }

    @Test
    void routeNamingAnUndefinedReceiverSuggestsTheDefinedOne() {
        Problem p = onlyError(BASE + """
                notifications:
                  receivers:
                    - name: pagerduty-oncall
                      pagerduty: {routing_key_file: /run/secrets/pd}
                  routes:
                    critical: [pagerduty-oncal]
                """);
        assertThat(p.message()).isEqualTo("route for critical names undefined receiver 'pagerduty-oncal'");
        assertThat(p.hint()).isEqualTo("did you mean 'pagerduty-oncall'?");
        assertAt(p, 12, 16);
    }

    @Test
    void customAlertWithABuiltinNameIsADuplicate() {
        Problem p = onlyError(BASE + """
                custom_alerts:
                  - name: LatencyElevated
                    expr: up == 0
                    severity: high
                """);
        assertThat(p.message()).isEqualTo("duplicate alert name 'LatencyElevated': it is a built-in alert");
        assertThat(p.hint()).startsWith("to change the built-in one use alerts.LatencyElevated");
        assertAt(p, 8, 11);
    }

    @Test
    void twoCustomAlertsWithOneNameAreDuplicates() {
        Problem p = onlyError(BASE + """
                custom_alerts:
                  - name: QueueBacklog
                    expr: queue_length > 50
                    severity: high
                  - name: QueueBacklog
                    expr: queue_length > 500
                    severity: critical
                """);
        assertThat(p.message()).isEqualTo("duplicate alert name 'QueueBacklog' (also at line 8)");
        assertAt(p, 11, 11);
    }

    @Test
    void invalidMetricNameInTheContract() {
        Problem p = onlyError(BASE + """
                metrics:
                  accuracy: model-accuracy
                """);
        assertThat(p.message()).isEqualTo("invalid metric name 'model-accuracy'");
        assertAt(p, 8, 13);
    }

    @Test
    void invalidLabelNameSuggestsUnderscores() {
        Problem p = onlyError(BASE + """
                metrics:
                  group_by: [job, model-version]
                """);
        assertThat(p.message()).isEqualTo("invalid label name 'model-version'");
        assertThat(p.hint()).endsWith("did you mean 'model_version'?");
        assertAt(p, 8, 19);
    }

    @Test
    void invalidLabelNameAsAMapKeyIsPointedAtTheKey() {
        Problem p = onlyError(BASE.replace("  name: shop\n", "  name: shop\n  labels: {2team: ml}\n"));
        assertThat(p.message()).isEqualTo("invalid label name '2team'");
        assertAt(p, 4, 12);
    }

    @Test
    void histogramNamedByItsBucketSeriesGetsItsBaseName() {
        Problem p = onlyError(BASE + """
                metrics:
                  inference_latency: model_inference_latency_seconds_bucket
                """);
        assertThat(p.hint()).isEqualTo("give the histogram's base name: 'model_inference_latency_seconds'");
    }

    @Test
    void unknownBuiltinAlertSuggestsTheClosestName() {
        Problem p = onlyError(BASE + """
                alerts:
                  LatencyElevate: {threshold: 3}
                """);
        assertThat(p.message()).isEqualTo("unknown alert 'LatencyElevate'");
        assertThat(p.hint()).isEqualTo("did you mean 'LatencyElevated'? (new alerts go under custom_alerts)");
        assertAt(p, 8, 3);
    }

    @Test
    void unknownSeveritySuggestsTheClosestTier() {
        Problem p = onlyError(BASE + """
                alerts:
                  LowCacheHitRate: {severity: crtical}
                """);
        assertThat(p.message()).isEqualTo("unknown value 'crtical' for alerts.LowCacheHitRate.severity");
        assertThat(p.hint()).isEqualTo("did you mean 'critical'?");
    }

    @Test
    void secretGivenInlineIsRefusedWithTheFileKey() {
        Problem p = onlyError(BASE + """
                notifications:
                  receivers:
                    - name: slack
                      slack: {api_url: "https://hooks.slack.com/services/T0/B0/XYZ", channel: "#alerts"}
                """);
        assertThat(p.message()).isEqualTo("'api_url' would put a secret in the spec");
        assertThat(p.hint()).isEqualTo("reference it by file instead: api_url_file: /path/to/secret");
        assertThat(p.format()).doesNotContain("hooks.slack.com");
        assertAt(p, 10, 15);
    }

    @Test
    void missingRequiredKeyIsReportedAtItsParent() {
        Problem p = onlyError("""
                apiVersion: vpmon/v1
                service:
                  environment: prod
                targets:
                  - job: shop-api
                    endpoints: ["api:8000"]
                """);
        assertThat(p.message()).isEqualTo("missing required key 'name' in service");
        assertAt(p, 3, 3);
    }

    @Test
    void wrongTypeNamesWhatWasExpected() {
        Problem p = onlyError(BASE.replace("endpoints: [\"api:8000\"]", "endpoints: api:8000"));
        assertThat(p.message()).isEqualTo("targets[0].endpoints must be a list, got 'api:8000'");
        assertAt(p, 6, 16);
    }

    @Test
    void endpointWithSchemeSuggestsHostAndPort() {
        Problem p = onlyError(BASE.replace("\"api:8000\"", "\"http://api:8000/metrics\""));
        assertThat(p.message()).isEqualTo("invalid endpoint 'http://api:8000/metrics'");
        assertThat(p.hint()).isEqualTo("write host:port without the scheme, e.g. 'api:8000'");
    }

    @Test
    void unsupportedApiVersion() {
        Problem p = onlyError(BASE.replace("vpmon/v1", "vpmon/v2"));
        assertThat(p.message()).isEqualTo("unsupported apiVersion 'vpmon/v2'");
        assertAt(p, 1, 13);
    }

    @Test
    void duplicateYamlKeyPointsAtTheSecond() {
        Problem p = onlyError(BASE.replace("  name: shop\n", "  name: shop\n  name: shop2\n"));
        assertThat(p.message()).isEqualTo("duplicate key 'name' (first at line 3)");
        assertAt(p, 4, 3);
    }

    @Test
    void yamlSyntaxErrorHasItsLocation() {
        Problem p = onlyError(BASE + "alerts:\n  APIErrorRateHigh: {threshold: 0.1\n");
        assertThat(p.message()).startsWith("invalid YAML: ");
        assertThat(p.location().line()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() {
        List<Problem> all = problems(BASE + """
                prometheus:
                  scrape_interval: 15 s
                alerts:
                  APIErrorRateHigh: {threshold: 2}
                  Bogus: {}
                """);
        assertThat(all).extracting(p -> p.location().line()).containsExactly(8, 10, 11);
    }

    @Test
    void accuracyAlertForLongerThanItsBaselineCanNeverFire() {
        Problem p = onlyError(BASE + """
                alerts:
                  ModelAccuracyDrop: {for: 2h}
                """);
        assertThat(p.message()).contains("can never be reached");
    }

    @Test
    void accuracyTiersMustNotOverlap() {
        Problem p = onlyError(BASE + """
                alerts:
                  AccuracyDegradation: {threshold: 0.2}
                """);
        assertThat(p.message()).isEqualTo("AccuracyDegradation threshold 0.2 is not below ModelAccuracyDrop threshold 0.10");
    }

    @Test
    void customAlertTestSeriesMustBeWrittenAsPromtoolReadsThem() {
        Problem p = onlyError(BASE + """
                custom_alerts:
                  - name: QueueBacklog
                    expr: queue_length > 50
                    severity: high
                    test:
                      input_series: [{series: 'queue_length{job=~"a"}', values: '60x10'}]
                      fires_at: 2m
                """);
        assertThat(p.message()).isEqualTo("invalid input series 'queue_length{job=~\"a\"}'");
        assertAt(p, 12, 31);
    }

    @Test
    void reservedAlertLabelsAreRefused() {
        Problem p = onlyError(BASE.replace("  name: shop\n", "  name: shop\n  labels: {severity: page}\n"));
        assertThat(p.message()).isEqualTo("label 'severity' is set by vpmon");
    }
}
