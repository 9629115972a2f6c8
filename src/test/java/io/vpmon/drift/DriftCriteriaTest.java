package io.vpmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpmon.spec.DriftSettings;
import io.vpmon.spec.DriftSettings.Correction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's drift settings are defaults; command-line values win; bad values are usage errors. */
class DriftCriteriaTest {
    private static final DriftSettings SPEC = new DriftSettings(0.01, Correction.BH, 0.05, 50,
            List.of("mean_r", "mean_g"), null);

    @Test
    void withoutSpecOrOptionsTheBuiltInDefaultsApply() {
        DriftCriteria c = DriftCriteria.of(null, null, null, null, null, null);
        assertThat(c).isEqualTo(new DriftCriteria(0.05, Correction.HOLM, 0.0, 10, List.of(Feature.values())));
    }

    @Test
    void theSpecGivesDefaults() {
        DriftCriteria c = DriftCriteria.of(SPEC, null, null, null, null, null);
        assertThat(c).isEqualTo(new DriftCriteria(0.01, Correction.BH, 0.05, 50, List.of(Feature.MEAN_R, Feature.MEAN_G)));
    }

    @Test
    void optionsOverrideTheSpec() {
        DriftCriteria c = DriftCriteria.of(SPEC, 0.1, Correction.NONE, 0.2, 20, List.of("std_brightness", "std_brightness"));
        assertThat(c).isEqualTo(new DriftCriteria(0.1, Correction.NONE, 0.2, 20, List.of(Feature.STD_BRIGHTNESS)));
    }

    @Test
    void outOfRangeValuesAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> DriftCriteria.of(null, 1.5, null, null, null, null)).hasMessageStartingWith("--alpha 1.5 is out of range");
        assertThatThrownBy(() -> DriftCriteria.of(null, 0.0, null, null, null, null)).hasMessageStartingWith("--alpha 0.0");
        assertThatThrownBy(() -> DriftCriteria.of(null, Double.NaN, null, null, null, null)).hasMessageStartingWith("--alpha NaN");
        assertThatThrownBy(() -> DriftCriteria.of(null, null, null, -0.1, null, null)).hasMessageStartingWith("--min-effect -0.1");
        assertThatThrownBy(() -> DriftCriteria.of(null, null, null, null, 1, null)).hasMessageStartingWith("--min-images 1");
        assertThatThrownBy(() -> DriftCriteria.of(null, null, null, null, null, List.of("mean_red")))
                .hasMessage("--features: unknown feature 'mean_red'; known: mean_brightness, std_brightness, mean_r, mean_g, mean_b");
    }
}
