package io.vpmon.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.spec.BuiltinAlert;
import io.vpmon.spec.Spec;
import io.vpmon.spec.SpecLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The glossary names every metric the generated rules read, with the spec's names for them. */
class MetricsGlossaryTest {
    private static final Pattern SELECTED_METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    private static String glossary(Spec spec) {
        return MetricsGlossary.generate(spec, AlertRules.build(spec).rules(), "spec.yaml").contentAsString();
    }

    @Test
    void everyMetricInABuiltinRuleHasAnEntry() {
        Spec spec = SpecLoader.load(Path.of("examples/visionplant.yaml")).orThrow();
        Set<String> metrics = new TreeSet<>();
        for (AlertRule rule : AlertRules.build(spec).rules()) {
            if (BuiltinAlert.byName(rule.name()).isPresent()) {
                Matcher m = SELECTED_METRIC.matcher(rule.expr());
                while (m.find()) {
                    metrics.add(m.group(1).replaceAll("_(bucket|sum|count)$", ""));
                }
            }
        }

        String glossary = glossary(spec);

        assertThat(metrics).hasSizeGreaterThanOrEqualTo(10);
        for (String metric : metrics) {
            assertThat(glossary).as(metric).contains("\n## " + metric + "\n");
        }
    }

    @Test
    void entriesUseTheSpecNamesAndSayWhichAlertsAndPanelsReadThem() {
        Spec spec = SpecLoader.parse("spec.yaml", """
                apiVersion: vpmon/v1
                service: {name: tiny}
                targets: [{job: tiny-api, endpoints: ["127.0.0.1:8000"]}]
                metrics: {accuracy: top1_accuracy, requests: {name: http_requests_total, status_label: code}}
                """.getBytes(StandardCharsets.UTF_8)).orThrow();

        String glossary = glossary(spec);

        assertThat(glossary).contains("## top1_accuracy\n\n- **Type:** gauge\n")
                .contains("- **Alerts:** ModelAccuracyDrop, AccuracyDegradation\n")
                .contains("| [`http_requests_total`](#http_requests_total) | counter | `job`, `code` |")
                .contains("- **Dashboard:** row 'Model performance', panel 'Accuracy Over Time'")
                .doesNotContain("model_accuracy", "api_requests_total");
    }
}
