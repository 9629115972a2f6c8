package io.vpmon.drift;

import io.vpmon.drift.image.ImageFeatures;
import java.util.Arrays;

/** One batch's features, one column of doubles per feature, one row per image: nothing else is kept. */
public final class FeatureTable {
    private final double[][] columns = new double[Feature.values().length][16];
    private int size;

    public void add(ImageFeatures features) {
        grow();
        for (Feature f : Feature.values()) {
            columns[f.ordinal()][size] = f.of(features);
        }
        size++;
    }

    /** Adds one row, values in {@link Feature} order. */
    public void add(double[] row) {
        grow();
        for (int i = 0; i < columns.length; i++) {
            columns[i][size] = row[i];
        }
        size++;
    }

    private void grow() {
        if (size == columns[0].length) {
            for (int i = 0; i < columns.length; i++) {
                columns[i] = Arrays.copyOf(columns[i], size + (size >> 1));
            }
        }
    }

    public int size() {
        return size;
    }

    /** A copy of one feature's values. */
    public double[] column(Feature feature) {
        return Arrays.copyOf(columns[feature.ordinal()], size);
    }
}
