package io.vpmon.drift;

import io.vpmon.drift.image.ImageFeatures;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The per-image statistics drift is tested on, by the names the spec, CSVs and metrics use. */
public enum Feature {
    MEAN_BRIGHTNESS(ImageFeatures::meanBrightness),
    STD_BRIGHTNESS(ImageFeatures::stdBrightness),
    MEAN_R(ImageFeatures::meanR),
    MEAN_G(ImageFeatures::meanG),
    MEAN_B(ImageFeatures::meanB);

    private final ToDoubleFunction<ImageFeatures> getter;

    Feature(ToDoubleFunction<ImageFeatures> getter) {
        this.getter = getter;
    }

    /** The name in specs, CSV headers and metric labels: mean_brightness, std_brightness, mean_r, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double of(ImageFeatures features) {
        return getter.applyAsDouble(features);
    }

    /** The feature called {@code label}, or null. */
    public static Feature byLabel(String label) {
        for (Feature f : values()) {
            if (f.label().equals(label)) {
                return f;
            }
        }
        return null;
    }
}
