package io.vpmon.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vpmon.spec.DriftSettings.Correction;
import org.junit.jupiter.api.Test;

/** Corrections as statsmodels' multipletests computes them, on values worked out by hand. */
class MultipleTestingTest {
    private static final double[] P = {0.01, 0.04, 0.03, 0.005, 0.5};

    @Test
    void bonferroniMultipliesByTheNumberOfTestsAndCapsAtOne() {
        assertThat(MultipleTesting.adjust(P, Correction.BONFERRONI))
                .containsExactly(new double[] {0.05, 0.2, 0.15, 0.025, 1.0}, within(1e-15));
    }

    @Test
    void holmStepsDownAndKeepsTheAdjustedValuesMonotone() {
        // sorted 0.005, 0.01, 0.03, 0.04, 0.5 times 5, 4, 3, 2, 1 = 0.025, 0.04, 0.09, 0.08 -> 0.09, 0.5
        assertThat(MultipleTesting.adjust(P, Correction.HOLM))
                .containsExactly(new double[] {0.04, 0.09, 0.09, 0.025, 0.5}, within(1e-15));
    }

    @Test
    void benjaminiHochbergStepsUpFromTheLargest() {
        // p * 5 / rank = 0.025, 0.025, 0.05, 0.05, 0.5; running minimum from the top
        assertThat(MultipleTesting.adjust(P, Correction.BH))
                .containsExactly(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, within(1e-15));
    }

    @Test
    void noneLeavesThePValuesAlone() {
        assertThat(MultipleTesting.adjust(P, Correction.NONE)).containsExactly(P);
    }

    @Test
    void holmIsNeverStricterThanBonferroniAndTiesGetEqualValues() {
        double[] p = {0.02, 0.02, 0.3, 0.9, 0.02};
        double[] holm = MultipleTesting.adjust(p, Correction.HOLM);
        double[] bonferroni = MultipleTesting.adjust(p, Correction.BONFERRONI);
        for (int i = 0; i < p.length; i++) {
            assertThat(holm[i]).isLessThanOrEqualTo(bonferroni[i]).isGreaterThanOrEqualTo(p[i]);
        }
        assertThat(holm[0]).isEqualTo(holm[1]).isEqualTo(holm[4]);
    }

    @Test
    void adjustedValuesStayAtMostOne() {
        double[] p = {0.9, 0.8, 1.0};
        for (Correction c : Correction.values()) {
            for (double v : MultipleTesting.adjust(p, c)) {
                assertThat(v).as(c.name()).isBetween(0.0, 1.0);
            }
        }
    }
}
