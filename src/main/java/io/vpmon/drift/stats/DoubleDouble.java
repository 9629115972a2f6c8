package io.vpmon.drift.stats;

/**
 * A double-double number (hi + lo, about 106 significant bits), with the operations that
 * {@link Smirnov} needs. The algorithms are those of the QD library (Hida, Li, Bailey) that
 * scipy's {@code smirnov} uses, so the one-sided Smirnov probabilities agree with scipy's.
 */
record DoubleDouble(double hi, double lo) {
    static final DoubleDouble ZERO = new DoubleDouble(0.0, 0.0);
    static final DoubleDouble ONE = new DoubleDouble(1.0, 0.0);

    static DoubleDouble of(double value) {
        return new DoubleDouble(value, 0.0);
    }

    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    DoubleDouble add(DoubleDouble other) {
        double s1 = hi + other.hi;
        double s2 = twoSumError(hi, other.hi, s1);
        double t1 = lo + other.lo;
        double t2 = twoSumError(lo, other.lo, t1);
        s2 += t1;
        double r1 = s1 + s2;
        s2 = s2 - (r1 - s1);
        s2 += t2;
        double q1 = r1 + s2;
        return new DoubleDouble(q1, s2 - (q1 - r1));
    }

    DoubleDouble add(double other) {
        double s1 = hi + other;
        double s2 = twoSumError(hi, other, s1);
        s2 += lo;
        double q1 = s1 + s2;
        return new DoubleDouble(q1, s2 - (q1 - s1));
    }

    DoubleDouble subtract(DoubleDouble other) {
        return add(other.negate());
    }

    DoubleDouble subtract(double other) {
        return add(-other);
    }

    DoubleDouble multiply(DoubleDouble other) {
        double p1 = hi * other.hi;
        double p2 = Math.fma(hi, other.hi, -p1);
        p2 += hi * other.lo + lo * other.hi;
        double q1 = p1 + p2;
        return new DoubleDouble(q1, p2 - (q1 - p1));
    }

    DoubleDouble multiply(double other) {
        double p1 = hi * other;
        double e1 = Math.fma(hi, other, -p1);
        double p2 = lo * other;
        double e2 = Math.fma(lo, other, -p2);
        double sum = e2 + p2 + e1;
        double q1 = p1 + sum;
        return new DoubleDouble(q1, sum - (q1 - p1));
    }

    DoubleDouble divide(DoubleDouble other) {
        double q1 = hi / other.hi;
        DoubleDouble r = subtract(other.multiply(q1));
        double q2 = r.hi / other.hi;
        r = r.subtract(other.multiply(q2));
        double q3 = r.hi / other.hi;
        double s = q1 + q2;
        DoubleDouble q = new DoubleDouble(s, q2 - (s - q1));
        return q.add(q3);
    }

    DoubleDouble divide(double other) {
        return divide(of(other));
    }

    boolean isZero() {
        return hi == 0.0 && lo == 0.0;
    }

    boolean isFinite() {
        return Double.isFinite(hi);
    }

    DoubleDouble floor() {
        double h = Math.floor(hi);
        if (h != hi) {
            return new DoubleDouble(h, 0.0);
        }
        double l = Math.floor(lo);
        double s = h + l;
        return new DoubleDouble(s, l - (s - h));
    }

    DoubleDouble scalb(int exponent) {
        return new DoubleDouble(scale(hi, exponent), scale(lo, exponent));
    }

    /** x * 2^n: one exact multiplication while 2^n is a normal double (Math.scalb is several times slower). */
    static double scale(double x, int n) {
        if (n >= Double.MIN_EXPONENT && n <= Double.MAX_EXPONENT) {
            return x * Double.longBitsToDouble((long) (n + Double.MAX_EXPONENT) << 52);
        }
        return Math.scalb(x, n);
    }

    /** The mantissa (0.5 <= |hi| < 1, or |hi| == 1 with lo of the other sign) of frexp. */
    Frexp frexp() {
        Frexp high = frexp(hi);
        double man = high.mantissa().hi;
        int exponent = high.exponent();
        double b1 = scale(lo, -exponent);
        if (Math.abs(man) == 0.5 && man * b1 < 0) {
            man *= 2;
            b1 *= 2;
            exponent -= 1;
        }
        return new Frexp(new DoubleDouble(man, b1), exponent);
    }

    /** C's frexp for one double: value = mantissa * 2^exponent with 0.5 <= |mantissa| < 1. */
    static Frexp frexp(double value) {
        if (value == 0.0 || !Double.isFinite(value)) {
            return new Frexp(of(value), 0);
        }
        int shift = 0;
        double v = value;
        if (Math.getExponent(v) < Double.MIN_EXPONENT) {
            v = Math.scalb(v, 64);
            shift = 64;
        }
        // replace the exponent bits by those of [0.5, 1): the mantissa, exactly
        long bits = Double.doubleToRawLongBits(v);
        int exponent = (int) ((bits >>> 52) & 0x7FF) - 1022;
        double mantissa = Double.longBitsToDouble((bits & ~(0x7FFL << 52)) | (1022L << 52));
        return new Frexp(of(mantissa), exponent - shift);
    }

    record Frexp(DoubleDouble mantissa, int exponent) {
    }

    private static double twoSumError(double a, double b, double s) {
        double c = s - a;
        double d = b - c;
        double e = s - c;
        return (a - e) + d;
    }
}
