package io.vpmon.drift.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.testing.ExternalTool;
import io.vpmon.testing.ProcessResult;
import io.vpmon.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exposition text the DataDriftDetected alert is written against. */
class DriftMetricsTest {
    @TempDir
    Path dir;

    @Test
    void exposesEveryMetricWithTheServiceLabel() {
        String text = DriftMetrics.exposition(DriftResults.sample(0.25), Map.of("service", "visionplant"), 1764064800.5);
        assertThat(text).contains(
                "# TYPE data_drift_score gauge\ndata_drift_score{service=\"visionplant\"} 0.25\n",
                "data_drift_detected{service=\"visionplant\"} 1\n",
                "data_drift_feature_statistic{service=\"visionplant\",feature=\"mean_brightness\"} 0.25\n",
                "data_drift_feature_statistic{service=\"visionplant\",feature=\"mean_r\"} 0.125\n",
                "data_drift_feature_p_value{service=\"visionplant\",feature=\"mean_brightness\"} 1.5E-12\n",
                "data_drift_feature_adjusted_p_value{service=\"visionplant\",feature=\"mean_brightness\"} 7.5E-12\n",
                "data_drift_images{service=\"visionplant\",batch=\"reference\"} 5000\n",
                "data_drift_images{service=\"visionplant\",batch=\"current\"} 4998\n",
                "data_drift_last_run_timestamp_seconds{service=\"visionplant\"} 1764064800.5\n");
        assertThat(text.lines().filter(l -> l.startsWith("# TYPE"))).hasSize(7);
    }

    @Test
    void withoutServiceTheSeriesHaveOnlyTheirOwnLabels() {
        String text = DriftMetrics.exposition(DriftResults.sample(0), Map.of(), 1.0);
        assertThat(text).contains("data_drift_score 0\n", "data_drift_detected 0\n",
                "data_drift_feature_p_value{feature=\"mean_g\"} 0.5\n");
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(DriftMetrics.escapeLabelValue("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }

    @Test
    void promtoolAcceptsTheExposition() throws IOException {
        Path file = dir.resolve("drift.prom");
        Files.writeString(file, DriftMetrics.exposition(DriftResults.sample(0.3), Map.of("service", "a \"quoted\" name"),
                1764064800.25));
        Path promtool = ExternalTool.require("promtool");
        ProcessResult result = Processes.run(List.of("sh", "-c", "\"$0\" check metrics < \"$1\"", promtool.toString(),
                file.toString()), null, Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("error");
    }
}
