package io.vpmon.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what Prometheus renders for these annotation templates. */
class TemplateSubsetTest {
    private static final Map<String, String> LABELS = Map.of("job", "api", "instance", "api-1:8000");

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "{{ $labels.job }} restarted {{ $value }} times # 3 # api restarted 3 times",
        "{{.Labels.instance}} at {{.Value}} # 0.25 # api-1:8000 at 0.25",
        "{{ $value | humanizePercentage }} errors # 0.0525 # 5.25% errors",
        "{{ humanizeDuration $value }} # 90 # 1m 30s",
        "score {{ printf \"%.2f\" $value }} # 0.125 # score 0.12",
        "score {{ $value | printf \"%.1f\" }} # 0.25 # score 0.2",
        "a {{- $labels.job -}}  b # 1 # aapib",
        "{{ $labels.missing }}! # 1 # !",
        "{{ $value }} # 1e-7 # 1e-07",
        "{{ $value }} # 123456789 # 123456789",
        "no actions at all # 1 # no actions at all"})
    void rendersLikePrometheus(String template, double value, String expected) {
        assertThat(TemplateSubset.render(template, LABELS, value)).contains(expected);
    }

    @Test
    void anythingElseIsNotRendered() {
        assertThat(TemplateSubset.render("{{ if gt $value 1.0 }}big{{ end }}", LABELS, 2)).isEmpty();
        assertThat(TemplateSubset.render("{{ $value | printf \"%d\" }}", LABELS, 2)).isEmpty();
        assertThat(TemplateSubset.render("{{ $externalLabels.cluster }}", LABELS, 2)).isEmpty();
        assertThat(TemplateSubset.render("unclosed {{ $value", LABELS, 2)).isEmpty();
    }
}
