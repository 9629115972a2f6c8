package io.vpmon.drift.stats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Regenerates the samples of ks_reference.json bit for bit: SplitMix64 uniforms, summed four at
 * a time, scaled, shifted and optionally rounded to a quantum (make_ks_reference.py does the same).
 */
final class ReferenceSamples {
    private long state;

    private ReferenceSamples(long seed) {
        this.state = seed;
    }

    static double[] of(JsonNode spec) {
        ReferenceSamples rng = new ReferenceSamples(spec.get("seed").asLong());
        int n = spec.get("n").asInt();
        double loc = spec.get("loc").asDouble();
        double scale = spec.get("scale").asDouble();
        double quantum = spec.get("quantum").asDouble();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble() + rng.nextDouble() + rng.nextDouble() + rng.nextDouble();
            double v = loc + scale * (u - 2.0);
            if (quantum > 0) {
                v = Math.floor(v / quantum + 0.5) * quantum;
            }
            out[i] = v;
        }
        return out;
    }

    private long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
