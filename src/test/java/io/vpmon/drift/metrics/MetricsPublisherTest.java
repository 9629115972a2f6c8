package io.vpmon.drift.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpmon.ExitCode;
import io.vpmon.testing.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad destinations fail before the check runs; failures while publishing are collected, not thrown. */
class MetricsPublisherTest {
    @TempDir
    Path dir;

    @Test
    void badDestinationsAreUsageErrorsBeforeAnythingIsRead() {
        assertThatThrownBy(() -> new MetricsPublisher(new MetricsPublisher.Request(dir.resolve("no/x.prom"), null, null, null)))
                .hasMessage("--textfile " + dir.resolve("no/x.prom") + ": no such folder " + dir.resolve("no"));
        assertThatThrownBy(() -> new MetricsPublisher(new MetricsPublisher.Request(null, "http://pg:9091", " ", null)))
                .hasMessage("--job must not be empty: the Pushgateway groups metrics by job");
        assertThatThrownBy(() -> new MetricsPublisher(new MetricsPublisher.Request(null, "gopher://pg", "j", null)))
                .hasMessageStartingWith("--pushgateway 'gopher://pg' is not an http(s) URL");
    }

    @Test
    void aFailedPushIsCollectedAndTheTextfileStillWritten() throws IOException {
        Path prom = dir.resolve("drift.prom");
        MetricsPublisher publisher = new MetricsPublisher(new MetricsPublisher.Request(prom,
                "http://127.0.0.1:" + FreePort.find(), "vpmon-drift", "visionplant"));
        MetricsPublisher.Publication published = publisher.publish(DriftResults.sample(0.2), 1.0);
        assertThat(published.textfile()).isEqualTo(prom.toString());
        assertThat(published.pushgateway()).isNull();
        assertThat(published.errors()).singleElement()
                .satisfies(e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE));
        assertThat(Files.readString(prom)).contains("data_drift_score{service=\"visionplant\"} 0.2\n");
    }
}
