package io.vpmon.drift.stats;

import io.vpmon.spec.DriftSettings.Correction;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Adjusts p-values for testing several features at once, as statsmodels' multipletests does:
 * Bonferroni (p·m), Holm's step-down (controls the family-wise error like Bonferroni, and is never
 * less powerful; right for strongly correlated features), Benjamini–Hochberg (controls the false
 * discovery rate), or none. Adjusted values are capped at 1.
 */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    public static double[] adjust(double[] pValues, Correction correction) {
        int m = pValues.length;
        double[] adjusted = new double[m];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pValues[i]).thenComparingInt(i -> i));
        switch (correction) {
            case NONE -> System.arraycopy(pValues, 0, adjusted, 0, m);
            case BONFERRONI -> {
                for (int i = 0; i < m; i++) {
                    adjusted[i] = Math.min(1.0, pValues[i] * m);
                }
            }
            case HOLM -> {
                double running = 0.0;
                for (int rank = 0; rank < m; rank++) {
                    int i = order[rank];
                    running = Math.max(running, Math.min(1.0, (m - rank) * pValues[i]));
                    adjusted[i] = running;
                }
            }
            case BH -> {
                double running = 1.0;
                for (int rank = m - 1; rank >= 0; rank--) {
                    int i = order[rank];
                    running = Math.min(running, Math.min(1.0, pValues[i] * m / (rank + 1)));
                    adjusted[i] = running;
                }
            }
            default -> throw new IllegalArgumentException("correction " + correction);
        }
        return adjusted;
    }
}
