package io.vpmon.drift.stats;

import java.util.Arrays;

/**
 * The two-sided two-sample Kolmogorov–Smirnov test as {@code scipy.stats.ks_2samp(a, b)} runs
 * it with its defaults (method='auto'): the statistic D = max |F_a - G_b| evaluated at every
 * observation with right-continuous ECDFs (ties resolved exactly, no jitter); the p-value
 * P(D >= d) from the exact distribution when max(n1, n2) <= 10000 (Hodges' lattice-path
 * recursions), otherwise from the one-sample distribution kstwo(round(n1 n2 / (n1 + n2))).
 * When the exact computation fails numerically, it falls back to the asymptotic one, as scipy
 * does. The inputs are sorted copies, so the result does not depend on their order.
 */
public final class TwoSampleKs {
    /** scipy's MAX_AUTO_N: the largest sample size for which 'auto' uses the exact distribution. */
    public static final int MAX_EXACT_N = 10_000;

    private TwoSampleKs() {
    }

    public enum Method {
        EXACT, ASYMPTOTIC;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** D, its two-sided p-value and how the p-value was computed. */
    public record Result(double statistic, double pValue, Method method) {
    }

    /**
     * Tests two samples of finite values.
     *
     * @throws IllegalArgumentException if a sample is empty or holds NaN or an infinity
     */
    public static Result test(double[] a, double[] b) {
        double[] x = sortedFinite(a, "first");
        double[] y = sortedFinite(b, "second");
        int n1 = x.length;
        int n2 = y.length;
        double d = statistic(x, y);
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            Result exact = exact(n1, n2, d);
            if (exact.pValue() >= 0 && exact.pValue() <= 1) {
                return exact;
            }
            d = exact.statistic(); // scipy keeps the lattice-rounded D when it falls back
        }
        return new Result(d, asymptoticPValue(n1, n2, d), Method.ASYMPTOTIC);
    }

    private static double[] sortedFinite(double[] sample, String which) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("the " + which + " sample is empty");
        }
        double[] sorted = sample.clone();
        for (double v : sorted) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the " + which + " sample holds " + v);
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /** max over observations of |F1 - F2|, with F = (count of values <= v) / n, as scipy computes it. */
    static double statistic(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        double maxDiff = Double.NEGATIVE_INFINITY;
        double minDiff = Double.POSITIVE_INFINITY;
        int i = 0;
        int j = 0;
        while (i < n1 || j < n2) {
            double v = j >= n2 || (i < n1 && x[i] <= y[j]) ? x[i] : y[j];
            while (i < n1 && x[i] == v) {
                i++;
            }
            while (j < n2 && y[j] == v) {
                j++;
            }
            double diff = (double) i / n1 - (double) j / n2;
            maxDiff = Math.max(maxDiff, diff);
            minDiff = Math.min(minDiff, diff);
        }
        double minS = Math.min(Math.max(-minDiff, 0.0), 1.0);
        return minS > maxDiff ? minS : maxDiff;
    }

    /** scipy's _attempt_exact_2kssamp (two-sided): a p-value outside [0, 1] when it failed numerically. */
    private static Result exact(int n1, int n2, double d) {
        long g = gcd(n1, n2);
        long lcm = (n1 / g) * n2;
        long h = (long) Math.rint(d * lcm);
        double dRounded = h * 1.0 / lcm;
        if (h == 0) {
            return new Result(dRounded, 1.0, Method.EXACT);
        }
        double prob = n1 == n2 ? probOutsideSquare(n1, (int) h) : outerProbInside(n1, n2, (int) g, h);
        return new Result(dRounded, prob, Method.EXACT);
    }

    /** P(D_{n,n} >= h/n) by Hodges' alternating sum, in scipy's Horner-like form. */
    static double probOutsideSquare(int n, int h) {
        double p = 0.0;
        int k = (int) Math.floor((double) n / h);
        while (k >= 0) {
            double p1 = 1.0;
            for (int j = 0; j < h; j++) {
                p1 = (n - (long) k * h - j) * p1 / (n + (long) k * h + j + 1);
            }
            p = p1 * (1.0 - p);
            k -= 1;
        }
        return 2 * p;
    }

    /**
     * The share of lattice paths from (0, 0) to (m, n) that leave the band |x/m - y/n| < h/lcm,
     * computed directly as 1 - p by the recursion of Viehmann (arXiv:2102.08037) within Hodges'
     * inside method: scipy's _compute_outer_prob_inside_method.
     */
    static double outerProbInside(int m0, int n0, int g, long h) {
        int m = Math.max(m0, n0);
        int n = Math.min(m0, n0);
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1L);
        int curlen = maxj - minj;
        int lenA = Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        Arrays.fill(a, 1.0);
        Arrays.fill(a, minj, maxj, 0.0);
        for (int i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1L);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                int j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                Arrays.fill(a, maxj - minj, Math.min(maxj - minj + (lastlen - curlen), lenA), 1.0);
            }
        }
        return a[maxj - minj - 1];
    }

    /** scipy's asymptotic branch: kstwo.sf(d, round(n1 n2 / (n1 + n2))). */
    static double asymptoticPValue(int n1, int n2, double d) {
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = m * n / (m + n);
        double p = KolmogorovDistribution.sf(d, (int) Math.rint(en));
        return Math.min(Math.max(p, 0.0), 1.0);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
