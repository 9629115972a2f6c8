package io.vpmon.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PromQL label matchers ({@code job="api", status=~"5.."}) as written in a spec selector. */
public final class LabelMatchers {
    public static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    public static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private static final Pattern ONE = Pattern.compile(
            "\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`)\\s*");

    /** One matcher; the value is unquoted and unescaped. */
    public record LabelMatcher(String name, String op, String value) {
        /** As PromQL text, always double-quoted. */
        public String render() {
            return name + op + quote(value);
        }
    }

    private LabelMatchers() {
    }

    /** The matchers of a selector, or empty when it is not valid PromQL matcher syntax. */
    public static Optional<List<LabelMatcher>> parse(String selector) {
        String s = selector.trim();
        if (s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, s.length() - 1);
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        if (s.isBlank()) {
            return Optional.of(matchers);
        }
        int pos = 0;
        while (true) {
            Matcher m = ONE.matcher(s);
            m.region(pos, s.length());
            if (!m.lookingAt()) {
                return Optional.empty();
            }
            matchers.add(new LabelMatcher(m.group(1), m.group(2), unquote(m.group(3))));
            pos = m.end();
            if (pos == s.length()) {
                return Optional.of(matchers);
            }
            if (s.charAt(pos) != ',') {
                return Optional.empty();
            }
            pos++;
            if (s.substring(pos).isBlank()) {
                return Optional.of(matchers);
            }
        }
    }

    public static String quote(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String unquote(String quoted) {
        String body = quoted.substring(1, quoted.length() - 1);
        if (quoted.charAt(0) == '`') {
            return body;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                sb.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
