package io.vpmon.generate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's number formatting as Prometheus templates use it ({@code %.4g}, {@code %.2f}, humanize,
 * humanizePercentage, humanizeDuration), so generated rule tests can state the exact text an
 * alert's annotations will carry.
 */
final class GoFormat {
    private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};

    private GoFormat() {
    }

    /** Go's {@code fmt.Sprintf("%.4g", v)}. */
    static String g4(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return "0";
        }
        return scientificOrPlain(new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN)), 4);
    }

    /** Go's {@code %v} for a float64, as {@code {{ $value }}} prints it: shortest digits, exponent outside 1e-4..1e21. */
    static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return g4(v);
        }
        return scientificOrPlain(new BigDecimal(Double.toString(v)), 21);
    }

    /** Go's {@code fmt.Sprintf("%.2f", v)}: the exact binary value rounded half to even. */
    static String fixed2(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Go's %g layout: {@code 1.234e+05} when the decimal exponent is below -4 or at least {@code limit}, else plain. */
    private static String scientificOrPlain(BigDecimal digits, int limit) {
        BigDecimal stripped = digits.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent < -4 || exponent >= limit) {
            int abs = Math.abs(exponent);
            return stripped.movePointLeft(exponent).toPlainString() + "e" + (exponent < 0 ? "-" : "+")
                    + (abs < 10 ? "0" : "") + abs;
        }
        return stripped.toPlainString();
    }

    static String humanize(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        String prefix = "";
        if (Math.abs(v) >= 1) {
            for (String p : BIG) {
                if (Math.abs(v) < 1000) {
                    break;
                }
                prefix = p;
                v /= 1000;
            }
            return g4(v) + prefix;
        }
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return g4(v) + prefix;
    }

    static String humanizePercentage(double v) {
        return g4(v * 100) + "%";
    }

    static String humanizeDuration(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        if (v == 0) {
            return g4(v) + "s";
        }
        if (Math.abs(v) >= 1) {
            String sign = v < 0 ? "-" : "";
            double a = Math.abs(v);
            long whole = (long) a;
            long seconds = whole % 60;
            long minutes = (whole / 60) % 60;
            long hours = (whole / 3600) % 24;
            long days = whole / 86400;
            if (days != 0) {
                return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (hours != 0) {
                return sign + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (minutes != 0) {
                return sign + minutes + "m " + seconds + "s";
            }
            return sign + g4(a) + "s";
        }
        String prefix = "";
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return g4(v) + prefix + "s";
    }
}
