package io.vpmon.spec;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration in Prometheus syntax ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}): units
 * y, w, d, h, m, s, ms, largest first, each at most once. Keeps the text as written so
 * generated files read like the spec.
 */
public record PromDuration(String text, long millis) implements Comparable<PromDuration> {
    private static final Pattern SYNTAX = Pattern.compile(
            "^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L
    };

    public static final String HINT = "Prometheus durations are a number and a unit, largest unit first: "
            + "30s, 5m, 1h30m, 2d (units: ms, s, m, h, d, w, y)";

    public static PromDuration parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("invalid duration: " + text));
    }

    public static Optional<PromDuration> tryParse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (text.equals("0")) {
            return Optional.of(new PromDuration(text, 0));
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long total = 0;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            String group = m.group(i + 1);
            if (group != null) {
                try {
                    total = Math.addExact(total, Math.multiplyExact(Long.parseLong(group), UNIT_MILLIS[i]));
                } catch (ArithmeticException | NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new PromDuration(text, total));
    }

    public static PromDuration ofMillis(long millis) {
        return new PromDuration(format(millis), millis);
    }

    public double seconds() {
        return millis / 1000.0;
    }

    public boolean isZero() {
        return millis == 0;
    }

    /** Prometheus text for a number of milliseconds in days and smaller units, e.g. 5400000 → 1h30m. */
    public static String format(long millis) {
        if (millis == 0) {
            return "0s";
        }
        String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
        StringBuilder sb = new StringBuilder();
        long rest = millis;
        for (int i = 2; i < UNIT_MILLIS.length; i++) {
            long n = rest / UNIT_MILLIS[i];
            if (n > 0) {
                sb.append(n).append(units[i]);
                rest -= n * UNIT_MILLIS[i];
            }
        }
        return sb.toString();
    }

    @Override
    public int compareTo(PromDuration other) {
        return Long.compare(millis, other.millis);
    }

    @Override
    public String toString() {
        return text;
    }
}
