package io.vpmon.drift.stats;

/**
 * The survival function P(D_n >= x) of the two-sided one-sample Kolmogorov–Smirnov statistic,
 * as {@code scipy.stats.kstwo.sf(x, n)} computes it (scipy/stats/_ksstats.py, after Simard and
 * L'Ecuyer 2011): the same choice among Ruben–Gambino, Durbin's matrix (Marsaglia–Tsang–Wang),
 * Pomeranz, Pelz–Good and 2·Smirnov for each (n, x), with the same scaling, so the p-values of
 * the asymptotic two-sample test agree with scipy's to rounding.
 */
public final class KolmogorovDistribution {
    private static final int E128 = 128;
    private static final double EP128 = Math.scalb(1.0, E128);
    private static final double EM128 = Math.scalb(1.0, -E128);
    private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double MIN_LOG = -708;
    private static final double SQRT3 = Math.sqrt(3);
    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double PI_FOUR = Math.pow(Math.PI, 4);
    private static final double PI_SIX = Math.pow(Math.PI, 6);
    private static final double[] STIRLING_COEFFS = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
        7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2};

    private KolmogorovDistribution() {
    }

    /** P(D_n >= x), scipy's kstwo.sf(x, n): 1 at or below the support's lower end 0.5/n, 0 from 1 on. */
    public static double sf(double x, int n) {
        if (n < 1 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0.5 / n) {
            return 1.0;
        }
        if (x >= 1.0) {
            return 0.0;
        }
        return kolmogn(n, x, false);
    }

    /** P(D_n <= x) when cdf, else P(D_n >= x): scipy's _kolmogn. */
    static double kolmogn(int n, double x, boolean cdf) {
        if (x >= 1.0) {
            return select(1.0, 0.0, cdf);
        }
        if (x <= 0.0) {
            return select(0.0, 1.0, cdf);
        }
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return select(0.0, 1.0, cdf);
            }
            double prob;
            if (n <= 140) {
                prob = 1.0;
                for (int i = 1; i <= n; i++) {
                    prob *= i * (1.0 / n) * (2 * t - 1);
                }
            } else {
                prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
            }
            return select(prob, 1.0 - prob, cdf);
        }
        if (t >= n - 1) {
            double prob = 2 * Math.pow(1.0 - x, n);
            return select(1 - prob, prob, cdf);
        }
        if (x >= 0.5) {
            double prob = 2 * Smirnov.sf(n, x);
            return select(1.0 - prob, prob, cdf);
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 0.754693) {
                double prob = durbinMatrix(n, x);
                return select(prob, 1.0 - prob, cdf);
            }
            if (nxSquared <= 4) {
                double prob = pomeranz(n, x);
                return select(prob, 1.0 - prob, cdf);
            }
            double prob = 2 * Smirnov.sf(n, x);
            return select(1.0 - prob, prob, cdf);
        }
        if (!cdf) {
            if (nxSquared >= 370.0) {
                return 0.0;
            }
            if (nxSquared >= 2.2) {
                return clip(2 * Smirnov.sf(n, x));
            }
        }
        double cdfProb;
        if (nxSquared >= 18.0) {
            cdfProb = 1.0;
        } else if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdfProb = durbinMatrix(n, x);
        } else {
            cdfProb = pelzGood(n, x);
        }
        return select(cdfProb, 1.0 - cdfProb, cdf);
    }

    private static double select(double cdfProb, double sfProb, boolean cdf) {
        return clip(cdf ? cdfProb : sfProb);
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, 0.0), 1.0);
    }

    private static double logNFactorialDivNPowN(int n) {
        double rn = 1.0 / n;
        double z = rn / n;
        double poly = 0.0;
        for (double c : STIRLING_COEFFS) {
            poly = poly * z + c;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
    }

    /** P(D_n <= d) by Durbin's matrix algorithm, as Marsaglia, Tsang and Wang (2003) scale it. */
    static double durbinMatrix(int n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] = (1.0 - Math.pow(h, j)) * fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;

        double[][] hm = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r][i] = w[r - (i - 1)];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[m - 1][c] = v[m - 1 - c];
        }

        double[][] power = identity(m);
        int nn = n;
        int expnt = 0;
        int hExpnt = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                power = multiply(power, hm);
                expnt += hExpnt;
            }
            hm = multiply(hm, hm);
            hExpnt *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > EP128) {
                scale(hm, 1.0 / EP128);
                hExpnt += E128;
            }
            nn /= 2;
        }
        double p = power[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < EM128) {
                p *= EP128;
                expnt -= E128;
            }
        }
        if (expnt != 0) {
            p = Math.scalb(p, expnt);
        }
        return clip(p);
    }

    private static double[][] identity(int m) {
        double[][] id = new double[m][m];
        for (int i = 0; i < m; i++) {
            id[i][i] = 1.0;
        }
        return id;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            double[] ci = c[i];
            for (int k = 0; k < m; k++) {
                double aik = a[i][k];
                if (aik == 0.0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    private static void scale(double[][] a, double factor) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    /** P(D_n <= x) by the Pomeranz recursion (Pomeranz 1974), with scipy's row bounds and scaling. */
    static double pomeranz(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = t - ll;
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gpower = new double[npwrs];
        double[] twogpower = new double[npwrs];
        double[] onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        int expnt = 0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int m = 1; m < npwrs; m++) {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }

        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;
        int[] j12 = pomeranzBounds(0, n, ll, ceilf, roundf);
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = j12[0];
            double[] swap = v0;
            v0 = v1;
            v1 = swap;
            int swapS = v0s;
            v0s = v1s;
            v1s = swapS;
            java.util.Arrays.fill(v1, 0.0);
            j12 = pomeranzBounds(i, n, ll, ceilf, roundf);
            int j1 = j12[0];
            int j2 = j12[1];
            double[] pwrs = (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
            int ln2 = j2 - k1 + 1;
            if (ln2 > 0) {
                int convStart = j1 - k1;
                int convLen = j2 - j1 + 1;
                int base = k1 - v0s;
                // numpy slices past the end of an array are silently shorter: so are these
                int lenA = Math.min(ln2, npwrs - base);
                int lenB = Math.min(ln2, npwrs);
                double max = Double.NEGATIVE_INFINITY;
                for (int out = 0; out < convLen; out++) {
                    int idx = convStart + out;
                    double sum = 0.0;
                    int lo = Math.max(0, idx - (lenB - 1));
                    int hi = Math.min(idx, lenA - 1);
                    for (int a = lo; a <= hi; a++) {
                        sum += v0[base + a] * pwrs[idx - a];
                    }
                    v1[out] = sum;
                }
                for (double value : v1) {
                    max = Math.max(max, value);
                }
                if (0 < max && max < EM128) {
                    for (int a = 0; a < v1.length; a++) {
                        v1[a] *= EP128;
                    }
                    expnt -= E128;
                }
                v1s = v0s + j1 - k1;
            }
        }
        double ans = v1[n - v1s];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(ans) > EP128) {
                ans *= EM128;
                expnt += E128;
            }
            ans *= m;
        }
        if (expnt != 0) {
            ans = Math.scalb(ans, expnt);
        }
        return clip(ans);
    }

    private static int[] pomeranzBounds(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int ip1div2 = (i + 1) / 2;
            int ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0) {
                if (ip1div2 == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }

    /** The Pelz–Good (1976) asymptotic series for P(D_n <= x). */
    static double pelzGood(int n, double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = Math.sqrt(n) * x;
        double zSquared = z * z;
        double zThree = Math.pow(z, 3);
        double zFour = Math.pow(z, 4);
        double zSix = Math.pow(z, 6);
        double qlog = -PI_SQUARED / 8 / zSquared;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -zSquared;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * zSix + 2 * zFour;
        double k2b = (2 * zFour - 5 * zSquared) * PI_SQUARED / 4;
        double k2c = PI_FOUR * (1 - 2 * zSquared) / 16;
        double k3d = PI_SIX * (5 - 30 * zSquared) / 64;
        double k3c = PI_FOUR * (-60 * zSquared + 212 * zFour) / 16;
        double k3b = PI_SQUARED * (135 * zFour - 96 * zSix) / 4;
        double k3a = -30 * zSix - 90 * Math.pow(z, 8);

        double[] k = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int kk = maxk; kk > 0; kk--) {
            double m = 2 * kk - 1;
            double mSquared = m * m;
            double mFour = Math.pow(m, 4);
            double mSix = Math.pow(m, 6);
            double qpower = Math.pow(q, 8 * kk);
            k[0] = k[0] * qpower + 1.0;
            k[1] = k[1] * qpower + (k1a + k1b * mSquared);
            k[2] = k[2] * qpower + (k2a + k2b * mSquared + k2c * mFour);
            k[3] = k[3] * qpower + (k3a + k3b * mSquared + k3c * mFour + k3d * mSix);
        }
        double[] divisors = {z, 6 * zFour, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            k[i] = k[i] * q * SQRT2PI / divisors[i];
        }
        double q2 = Math.exp(-PI_SQUARED / 2 / zSquared);
        double k2extra = 0.0;
        double k3extra = 0.0;
        double sqrt3z = SQRT3 * z;
        for (int kk = maxk; kk > 0; kk--) {
            double kSquared = (double) kk * kk;
            double qpwer = Math.pow(q2, kSquared);
            k2extra += kSquared * qpwer;
            double kspi = Math.PI * kk;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * kSquared * qpwer;
        }
        k[2] += k2extra * (PI_SQUARED * SQRT2PI / (-36 * zThree));
        k[3] += k3extra * (PI_SQUARED * SQRT2PI / (216 * zSix));
        double sum = 0.0;
        for (int i = 0; i < 4; i++) {
            sum += k[i] / Math.pow(n * 1.0, i / 2.0);
        }
        return sum;
    }
}
