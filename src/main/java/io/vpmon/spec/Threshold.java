package io.vpmon.spec;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An alert threshold as written: a plain number ({@code 0.05}, {@code 50}), a percentage
 * ({@code 5%}, stored as the fraction 0.05) or a duration ({@code 10s}, {@code 500ms}, stored
 * in seconds). Which forms an alert accepts is the validator's business.
 */
public record Threshold(String text, double value, Form form) {
    public enum Form {
        NUMBER, PERCENT, DURATION
    }

    public static Threshold of(double value) {
        return new Threshold(plain(value), value, Form.NUMBER);
    }

    public static Optional<Threshold> parse(String text) {
        String t = text.trim();
        if (t.endsWith("%")) {
            return number(t.substring(0, t.length() - 1).trim())
                    .map(v -> new Threshold(t, v.divide(BigDecimal.valueOf(100)).doubleValue(), Form.PERCENT));
        }
        Optional<BigDecimal> number = number(t);
        if (number.isPresent()) {
            return Optional.of(new Threshold(t, number.get().doubleValue(), Form.NUMBER));
        }
        return PromDuration.tryParse(t).map(d -> new Threshold(t, d.seconds(), Form.DURATION));
    }

    private static Optional<BigDecimal> number(String t) {
        try {
            BigDecimal d = new BigDecimal(t);
            return Optional.of(d);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The shortest plain decimal text for a double: 0.05, 10, 1.5e-7 as 0.00000015. */
    public static String plain(double value) {
        BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    @Override
    public String toString() {
        return text;
    }
}
