package io.vpmon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpmon.generate.GeneratedAlert;
import io.vpmon.spec.Severity;
import io.vpmon.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which alerts 'vpmon alert test' fires for each way of choosing them. */
class AlertSelectionTest {
    private static final List<GeneratedAlert> ALERTS =
            GeneratedAlert.of(SpecLoader.load(Path.of("examples/visionplant.yaml")).orThrow());

    private static List<String> names(List<GeneratedAlert> alerts) {
        return alerts.stream().map(GeneratedAlert::name).toList();
    }

    @Test
    void byDefaultTheFirstAlertOfEachTier() {
        assertThat(names(AlertSelection.select(ALERTS, List.of(), null, false)))
                .containsExactly("ModelAccuracyDrop", "AccuracyDegradation", "DatasetCollectionSlow");
    }

    @Test
    void namedOnesOnceEachInTheOrderGiven() {
        assertThat(names(AlertSelection.select(ALERTS, List.of("LatencyElevated", "ServiceUnavailable",
                "LatencyElevated"), null, false))).containsExactly("LatencyElevated", "ServiceUnavailable");
    }

    @Test
    void aTierOrAll() {
        assertThat(names(AlertSelection.select(ALERTS, List.of(), Severity.HIGH, false))).containsExactly(
                "AccuracyDegradation", "LatencyElevated", "ErrorRateIncreasing", "LowCacheHitRate",
                "DataDriftDetected", "ModelServerRestarting");
        assertThat(AlertSelection.select(ALERTS, List.of(), null, true)).hasSize(14);
    }

    @Test
    void anUnknownNameSuggestsTheClosest() {
        assertThatThrownBy(() -> AlertSelection.byName(ALERTS, "LatencyElevatd"))
                .hasMessage("no alert named 'LatencyElevatd' in the spec (or it is disabled); did you mean"
                        + " 'LatencyElevated'?");
    }
}
