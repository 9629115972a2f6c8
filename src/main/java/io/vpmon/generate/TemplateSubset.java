package io.vpmon.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the part of Go's text/template that alert annotations use in practice, exactly as
 * Prometheus would: the value and labels ({@code $value}, {@code .Value}, {@code $labels.x},
 * {@code .Labels.x}), piped to humanize, humanizePercentage or humanizeDuration, or through
 * {@code printf "%.Nf"}, with {@code {{-}} and {@code -}}} trimming. Anything else gives
 * no rendering, so a generated test never states text vpmon cannot be sure of.
 */
final class TemplateSubset {
    private static final Pattern VALUE = Pattern.compile("\\$value|\\.Value");
    private static final Pattern LABEL = Pattern.compile("(?:\\$labels|\\.Labels)\\.([a-zA-Z_][a-zA-Z0-9_]*)");
    private static final Pattern PRINTF = Pattern.compile("printf\\s+\"%\\.(\\d)f\"\\s+(?:\\$value|\\.Value)");
    private static final Pattern PIPED_PRINTF = Pattern.compile("(?:\\$value|\\.Value)\\s*\\|\\s*printf\\s+\"%\\.(\\d)f\"");
    private static final Pattern PIPED = Pattern.compile("(?:\\$value|\\.Value)\\s*\\|\\s*(\\w+)");
    private static final Pattern CALL = Pattern.compile("(\\w+)\\s+(?:\\$value|\\.Value)");

    private TemplateSubset() {
    }

    static Optional<String> render(String template, Map<String, String> labels, double value) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (true) {
            int open = template.indexOf("{{", pos);
            if (open < 0) {
                out.append(template, pos, template.length());
                return Optional.of(out.toString());
            }
            int close = template.indexOf("}}", open);
            if (close < 0) {
                return Optional.empty();
            }
            String text = template.substring(pos, open);
            String action = template.substring(open + 2, close);
            boolean trimLeft = action.startsWith("-");
            boolean trimRight = action.endsWith("-");
            out.append(trimLeft ? text.stripTrailing() : text);
            Optional<String> rendered = action(action.substring(trimLeft ? 1 : 0,
                    action.length() - (trimRight && action.length() > 1 ? 1 : 0)).strip(), labels, value);
            if (rendered.isEmpty()) {
                return Optional.empty();
            }
            out.append(rendered.get());
            pos = close + 2;
            if (trimRight) {
                while (pos < template.length() && Character.isWhitespace(template.charAt(pos))) {
                    pos++;
                }
            }
        }
    }

    private static Optional<String> action(String action, Map<String, String> labels, double value) {
        if (VALUE.matcher(action).matches()) {
            return Optional.of(GoFormat.plain(value));
        }
        Matcher m = LABEL.matcher(action);
        if (m.matches()) {
            return Optional.of(labels.getOrDefault(m.group(1), ""));
        }
        for (Pattern printf : new Pattern[] {PRINTF, PIPED_PRINTF}) {
            m = printf.matcher(action);
            if (m.matches()) {
                return Optional.of(new BigDecimal(value).setScale(Integer.parseInt(m.group(1)), RoundingMode.HALF_EVEN)
                        .toPlainString());
            }
        }
        for (Pattern function : new Pattern[] {PIPED, CALL}) {
            m = function.matcher(action);
            if (m.matches()) {
                return humanized(m.group(1), value);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> humanized(String function, double value) {
        return switch (function) {
            case "humanize" -> Optional.of(GoFormat.humanize(value));
            case "humanizePercentage" -> Optional.of(GoFormat.humanizePercentage(value));
            case "humanizeDuration" -> Optional.of(GoFormat.humanizeDuration(value));
            default -> Optional.empty();
        };
    }
}
