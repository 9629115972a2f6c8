package io.vpmon.drift.stats;

/**
 * The one-sided Kolmogorov–Smirnov (Smirnov) survival function P(D+_n >= x), as
 * {@code scipy.special.smirnov(n, x)} computes it: the Birnbaum–Tingey sum in double-double
 * arithmetic, with scipy's special cases, term order and early stop (scipy's
 * xsf/cephes/kolmogorov.h, after van Mulbregt, arXiv:1802.06966). Only the survival function
 * is ported; scipy's density and inverse are not needed here.
 */
final class Smirnov {
    /** Above this n scipy switches to an approximation, and so does this port. */
    private static final int MAX_COMPUTE_N = 1_000_000;
    private static final int UPPER_MAX_TERMS = 3;
    private static final int UPPERSUM_MIN_N = 10;
    private static final int MAX_EXPONENT = 960;
    /** Cephes' MINLOG: log(2^-1075); exp() of anything below is 0. */
    private static final double MINLOG = -7.451332191019412076235E2;
    private static final double LN2 = Math.log(2.0);

    private Smirnov() {
    }

    static double sf(int n, double x) {
        if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
            return Double.NaN;
        }
        if (n == 1) {
            return 1 - x;
        }
        if (x == 0.0) {
            return 1.0;
        }
        if (x == 1.0) {
            return 0.0;
        }
        DoubleDouble nxD = DoubleDouble.of(x).multiply((double) n);
        DoubleDouble nxFloorD = nxD.floor();
        double alpha = nxD.subtract(nxFloorD).hi();
        int nxfl = (int) nxFloorD.hi();
        if (alpha == 1) {
            nxfl += 1;
            alpha = 0;
        }
        int n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
        int n1mxceil = n - nxfl;
        if (alpha == 0) {
            n1mxfl -= 1;
            n1mxceil += 1;
        }
        if (nxfl == 0 || (nxfl == 1 && alpha == 0)) {
            double t = pow2(1, x, n - 1);
            return 1 - x * t;
        }
        if (-2 * n * x * x < MINLOG) {
            return 0.0;
        }
        if (nxfl >= n - 1) {
            return pow2(1, -x, n);
        }
        if (n > MAX_COMPUTE_N) {
            double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return logp < -LN2 ? Math.exp(logp) : 1 - (-Math.expm1(logp));
        }
        int nUpperTerms = n - n1mxceil + 1;
        boolean useUpperSum = (nUpperTerms <= 1 && x < 0.5)
                || (n >= UPPERSUM_MIN_N && nUpperTerms <= UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));

        int start = 0;
        int step = 1;
        int nTerms = n1mxfl + 1;
        int vmid = n / 2;
        DoubleDouble aj;
        if (useUpperSum) {
            start = n;
            step = -1;
            nTerms = n - n1mxceil + 1;
            aj = pow4(1, x, 1, 0, n - 1);
        } else {
            aj = pow4(1, -x, 1, 0, n).divide(x);
        }
        DoubleDouble sum = DoubleDouble.ZERO.add(aj);
        Binomial binomial = new Binomial();
        binomial.update(n, 0);
        for (int j = 1; j < nTerms; j++) {
            int v = start + j * step;
            aj = term(n, x, v, binomial);
            if (aj.isFinite() && !aj.isZero()) {
                sum = sum.add(aj);
            }
            if (!aj.isZero()) {
                if (4 * (nTerms - j) * Math.abs(aj.hi()) < Math.ulp(1.0) * sum.hi() && j != nTerms - 1) {
                    break;
                }
            } else if (j > vmid) {
                break;
            }
            binomial.update(n, j);
        }
        double prob = sum.multiply(x).hi();
        double sf = step < 0 ? 1 - prob : prob;
        return Math.min(Math.max(sf, 0.0), 1.0);
    }

    /** Binomial(n, v) as a double-double mantissa in [0.5, 1) and a binary exponent. */
    private static final class Binomial {
        DoubleDouble mantissa = DoubleDouble.ONE;
        int exponent;

        void update(int n, int j) {
            DoubleDouble ratio = DoubleDouble.of(n - j).divide(j + 1.0);
            DoubleDouble.Frexp f = mantissa.multiply(ratio).frexp();
            exponent += f.exponent();
            mantissa = f.mantissa();
        }
    }

    /** A_v(n, x) = Binomial(n, v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1). */
    private static DoubleDouble term(int n, double x, int v, Binomial binomial) {
        int[] e = new int[1];
        DoubleDouble t2x = DoubleDouble.of(n - v).divide(n).subtract(x);
        DoubleDouble t2 = pow2Scaled(t2x, n - v, e);
        int t2e = e[0];
        DoubleDouble t1x = DoubleDouble.of(v).divide(n).add(x);
        DoubleDouble t1 = pow2Scaled(t1x, v - 1, e);
        int t1e = e[0];
        DoubleDouble ans = t1.multiply(t2).multiply(binomial.mantissa);
        return ans.scalb(binomial.exponent + t1e + t2e);
    }

    private static DoubleDouble pow(DoubleDouble a, int m) {
        if (m <= 0) {
            if (m == 0) {
                return DoubleDouble.ONE;
            }
            return DoubleDouble.ONE.divide(pow(a, -m));
        }
        if (a.isZero()) {
            return DoubleDouble.ZERO;
        }
        double ans = Math.pow(a.hi(), m);
        double r = a.lo() / a.hi();
        double adj = m * r;
        if (Math.abs(adj) > 1e-8) {
            if (Math.abs(adj) < 1e-4) {
                adj += (m * r) * ((m - 1) / 2.0 * r);
            } else {
                adj = Math.expm1(m * Math.log1p(r));
            }
        }
        return DoubleDouble.of(ans).add(ans * adj);
    }

    private static double pow2(double a, double b, int m) {
        return pow(DoubleDouble.of(a).add(b), m).hi();
    }

    private static DoubleDouble pow4(double a, double b, double c, double d, int m) {
        if (m <= 0) {
            if (m == 0) {
                return DoubleDouble.ONE;
            }
            return pow4(c, d, a, b, -m);
        }
        DoubleDouble numerator = DoubleDouble.of(a).add(b);
        DoubleDouble denominator = DoubleDouble.of(c).add(d);
        if (numerator.isZero()) {
            return denominator.isZero() ? DoubleDouble.of(Double.NaN) : DoubleDouble.ZERO;
        }
        if (denominator.isZero()) {
            return DoubleDouble.of(numerator.hi() < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        return pow(numerator.divide(denominator), m);
    }

    /** a^m as a mantissa (returned) and a binary exponent (exponentOut[0]), avoiding underflow. */
    private static DoubleDouble pow2Scaled(DoubleDouble a, int m, int[] exponentOut) {
        if (m <= 0) {
            if (m == 0) {
                exponentOut[0] = 0;
                return DoubleDouble.ONE;
            }
            DoubleDouble ans = pow2Scaled(a, -m, exponentOut);
            int aE1 = exponentOut[0];
            DoubleDouble.Frexp f = DoubleDouble.ONE.divide(ans).frexp();
            exponentOut[0] = -aE1 + f.exponent();
            return f.mantissa();
        }
        DoubleDouble.Frexp fy = a.frexp();
        DoubleDouble y = fy.mantissa();
        int yE = fy.exponent();
        if (m == 1) {
            exponentOut[0] = yE;
            return y;
        }
        int maxExpt = MAX_EXPONENT;
        if (m * (y.hi() - 1) / y.hi() < -MAX_EXPONENT * LN2) {
            double lg2y = Math.log(y.hi()) / LN2;
            double lgAns = m * lg2y;
            if (lgAns <= -MAX_EXPONENT) {
                maxExpt = (int) (nextPowerOf2(-MAX_EXPONENT / lg2y + 1) / 2);
            }
        }
        if (m <= maxExpt) {
            DoubleDouble.Frexp f = pow(y, m).frexp();
            exponentOut[0] = f.exponent() + m * yE;
            return f.mantissa();
        }
        int q = m / maxExpt;
        int r = m % maxExpt;
        DoubleDouble y2r = pow2Scaled(y, r, exponentOut);
        int y2rE = exponentOut[0];
        DoubleDouble y2m = pow2Scaled(y, maxExpt, exponentOut);
        int y2mE = exponentOut[0];
        DoubleDouble y2mq = pow2Scaled(y2m, q, exponentOut);
        int y2mqE = exponentOut[0];
        DoubleDouble.Frexp f = y2r.multiply(y2mq).frexp();
        y2mqE += y2mE * q;
        exponentOut[0] = f.exponent() + y2mqE + y2rE + m * yE;
        return f.mantissa();
    }

    private static double nextPowerOf2(double x) {
        double q = Math.scalb(x, 1 - 53);
        double l = Math.abs(q + x);
        if (l == 0) {
            return Math.abs(x);
        }
        int lInt = (int) l;
        return lInt == l ? lInt : l;
    }
}
