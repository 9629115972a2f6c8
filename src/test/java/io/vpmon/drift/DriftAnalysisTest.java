package io.vpmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpmon.ExitCode;
import io.vpmon.VpmonException;
import io.vpmon.spec.DriftSettings.Correction;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decisions, score and messages of the analysis, on feature tables built in memory. */
class DriftAnalysisTest {
    private static final List<Feature> ALL = List.of(Feature.values());

    private static DriftCriteria criteria(Correction correction, double minEffect) {
        return new DriftCriteria(0.05, correction, minEffect, 10, ALL);
    }

    /** Five correlated features, as real images give them: a shared exposure plus small per-feature parts. */
    private static FeatureTable batch(Random random, int n, double shift) {
        FeatureTable table = new FeatureTable();
        for (int i = 0; i < n; i++) {
            double exposure = 128 + shift + random.nextGaussian() * 15;
            double r = exposure + random.nextGaussian() * 5;
            double g = exposure + random.nextGaussian() * 5;
            double b = exposure + random.nextGaussian() * 5;
            double luma = 0.299 * r + 0.587 * g + 0.114 * b;
            table.add(new double[] {luma, 30 + random.nextGaussian() * 4, r, g, b});
        }
        return table;
    }

    @Test
    void falsePositiveRateUnderTheNullStaysAtAlphaWithHolm() {
        Random random = new Random(11);
        int runs = 400;
        int holmPositives = 0;
        int uncorrectedPositives = 0;
        for (int run = 0; run < runs; run++) {
            FeatureTable reference = batch(random, 60, 0);
            FeatureTable current = batch(random, 60, 0);
            holmPositives += DriftAnalysis.analyse(reference, current, criteria(Correction.HOLM, 0)).drift() ? 1 : 0;
            uncorrectedPositives += DriftAnalysis.analyse(reference, current, criteria(Correction.NONE, 0)).drift() ? 1 : 0;
        }
        double holmRate = (double) holmPositives / runs;
        // alpha plus three binomial standard errors: a check that fails only when the rate is wrong
        assertThat(holmRate).isLessThanOrEqualTo(0.05 + 3 * Math.sqrt(0.05 * 0.95 / runs));
        assertThat(uncorrectedPositives).isGreaterThan(holmPositives);
    }

    @Test
    void aShiftOfAThirdOfAStandardDeviationIsFoundIn1500Images() {
        Random random = new Random(5);
        DriftReport report = DriftAnalysis.analyse(batch(random, 1500, 0), batch(random, 1500, 5), criteria(Correction.HOLM, 0));
        assertThat(report.drift()).isTrue();
        assertThat(report.driftedFeatures()).contains(Feature.MEAN_BRIGHTNESS).doesNotContain(Feature.STD_BRIGHTNESS);
        FeatureResult brightness = report.features().get(0);
        assertThat(brightness.currentMean() - brightness.referenceMean()).isBetween(3.0, 7.0);
        assertThat(brightness.adjustedPValue()).isLessThan(0.05).isGreaterThanOrEqualTo(brightness.pValue());
    }

    @Test
    void minEffectKeepsTinyButSignificantShiftsInLargeBatchesFromCountingAsDrift() {
        Random random = new Random(7);
        FeatureTable reference = batch(random, 20000, 0);
        FeatureTable current = batch(random, 20000, 1.5);
        DriftReport plain = DriftAnalysis.analyse(reference, current, criteria(Correction.HOLM, 0));
        DriftReport gated = DriftAnalysis.analyse(reference, current, criteria(Correction.HOLM, 0.1));
        assertThat(plain.drift()).isTrue();
        assertThat(plain.score()).isLessThan(0.1);
        assertThat(gated.drift()).isFalse();
        assertThat(gated.score()).isZero();
        assertThat(gated.features().get(0).note()).contains("below --min-effect 0.1");
    }

    @Test
    void scoreIsTheLargestStatisticAmongDriftingFeaturesAndZeroWithoutDrift() {
        Random random = new Random(3);
        DriftReport drifted = DriftAnalysis.analyse(batch(random, 200, 0), batch(random, 200, 20), criteria(Correction.HOLM, 0));
        double maxDrifting = drifted.features().stream().filter(FeatureResult::drift)
                .mapToDouble(FeatureResult::statistic).max().orElseThrow();
        assertThat(drifted.score()).isEqualTo(maxDrifting).isBetween(0.0, 1.0);

        DriftReport same = DriftAnalysis.analyse(batch(random, 200, 0), batch(random, 200, 0), criteria(Correction.HOLM, 0));
        assertThat(same.drift()).isFalse();
        assertThat(same.score()).isZero();
        assertThat(same.features()).allSatisfy(f -> assertThat(f.statistic()).isGreaterThan(0));
    }

    @Test
    void constantInputsGiveAClearNoteAndNoNaN() {
        FeatureTable reference = new FeatureTable();
        FeatureTable current = new FeatureTable();
        for (int i = 0; i < 12; i++) {
            reference.add(new double[] {100, 0, 100, 100, 100 + i});
            current.add(new double[] {100, 0, 120, 100, 100 + i});
        }
        DriftReport report = DriftAnalysis.analyse(reference, current, criteria(Correction.HOLM, 0));
        FeatureResult brightness = report.features().get(0);
        assertThat(brightness.statistic()).isZero();
        assertThat(brightness.pValue()).isEqualTo(1.0);
        assertThat(brightness.drift()).isFalse();
        assertThat(brightness.note()).isEqualTo("constant (100.0) in both batches: nothing varies to compare");
        FeatureResult red = report.features().get(2);
        assertThat(red.statistic()).isEqualTo(1.0);
        assertThat(red.drift()).isTrue();
        assertThat(red.note()).contains("constant in each batch, at different values (100.0 and 120.0)");
        assertThat(report.features()).allSatisfy(f -> {
            assertThat(f.pValue()).isNotNaN();
            assertThat(f.adjustedPValue()).isNotNaN();
            assertThat(f.referenceMean()).isNotNaN();
        });
    }

    @Test
    void tooFewImagesIsAUsageErrorNamingBothCounts() {
        Random random = new Random(1);
        assertThatThrownBy(() -> DriftAnalysis.analyse(batch(random, 9, 0), batch(random, 40, 0), criteria(Correction.HOLM, 0)))
                .isInstanceOfSatisfying(VpmonException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("too few images to test: the reference batch has 9 and the current batch 40; each needs at "
                        + "least 10 (--min-images, or min_images in the spec's drift section)");
        assertThatThrownBy(() -> DriftAnalysis.analyse(new FeatureTable(), new FeatureTable(), criteria(Correction.HOLM, 0)))
                .hasMessageContaining("reference batch has 0 and the current batch 0");
    }

    @Test
    void onlyTheRequestedFeaturesAreTestedAndCorrectedForTheirNumber() {
        Random random = new Random(9);
        FeatureTable reference = batch(random, 100, 0);
        FeatureTable current = batch(random, 100, 0);
        DriftCriteria two = new DriftCriteria(0.05, Correction.BONFERRONI, 0, 10, List.of(Feature.MEAN_R, Feature.MEAN_B));
        DriftReport report = DriftAnalysis.analyse(reference, current, two);
        assertThat(report.features()).extracting(FeatureResult::feature).containsExactly(Feature.MEAN_R, Feature.MEAN_B);
        assertThat(report.features()).allSatisfy(f ->
                assertThat(f.adjustedPValue()).isEqualTo(Math.min(1.0, 2 * f.pValue())));
    }

    @Test
    void meanIsCompensatedSoLargeBatchesKeepTheirDigits() {
        double[] values = new double[1_000_001];
        java.util.Arrays.fill(values, 0.1);
        values[0] = 1e8;
        assertThat(DriftAnalysis.mean(values)).isCloseTo((1e8 + 1_000_000 * 0.1) / 1_000_001,
                org.assertj.core.api.Assertions.within(1e-9));
    }
}
