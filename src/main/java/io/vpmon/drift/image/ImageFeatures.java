package io.vpmon.drift.image;

/**
 * The five per-image statistics drift is tested on, over every pixel of one image, on 8-bit
 * values: luma Y = 0.299 R + 0.587 G + 0.114 B, its mean and population standard deviation,
 * and the means of R, G and B.
 */
public record ImageFeatures(double meanBrightness, double stdBrightness, double meanR, double meanG, double meanB) {
}
