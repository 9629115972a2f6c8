package io.vpmon.generate;

import io.vpmon.spec.LabelMatchers.LabelMatcher;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Label values that satisfy a selector's matchers, for the input series of generated rule
 * tests. Regular expressions get an example string built from their first alternative; when no
 * example can be found the caller leaves the scenario out rather than test something else.
 */
final class ExampleLabels {
    static final String FILLER = "vpmon-test";

    private ExampleLabels() {
    }

    static Optional<SortedMap<String, String>> satisfying(List<LabelMatcher> matchers) {
        SortedMap<String, String> labels = new TreeMap<>();
        for (LabelMatcher m : matchers) {
            if (labels.containsKey(m.name())) {
                continue;
            }
            String value = switch (m.op()) {
                case "=" -> m.value();
                case "=~" -> RegexExample.of(m.value()).orElse(null);
                default -> FILLER;
            };
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isEmpty()) {
                labels.put(m.name(), value);
            }
        }
        for (LabelMatcher m : matchers) {
            if (!matches(m, labels.getOrDefault(m.name(), ""))) {
                return Optional.empty();
            }
        }
        return Optional.of(labels);
    }

    static boolean matches(LabelMatcher m, String value) {
        return switch (m.op()) {
            case "=" -> value.equals(m.value());
            case "!=" -> !value.equals(m.value());
            case "=~" -> Pattern.compile("^(?:" + m.value() + ")$").matcher(value).matches();
            case "!~" -> !Pattern.compile("^(?:" + m.value() + ")$").matcher(value).matches();
            default -> false;
        };
    }

    /** A string a simple regular expression matches: first alternatives, minimal repeats, digits for '.'. */
    static final class RegexExample {
        private final String regex;
        private int pos;

        private RegexExample(String regex) {
            this.regex = regex;
        }

        static Optional<String> of(String regex) {
            try {
                String example = new RegexExample(regex).alternation();
                return Pattern.compile("^(?:" + regex + ")$").matcher(example).matches()
                        ? Optional.of(example) : Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        private String alternation() {
            String first = sequence();
            while (pos < regex.length() && regex.charAt(pos) == '|') {
                pos++;
                sequence();
            }
            return first;
        }

        private String sequence() {
            StringBuilder sb = new StringBuilder();
            while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
                String atom = atom();
                sb.append(atom.repeat(quantifier()));
            }
            return sb.toString();
        }

        private int quantifier() {
            if (pos >= regex.length()) {
                return 1;
            }
            char c = regex.charAt(pos);
            int times = 1;
            if (c == '*' || c == '?') {
                pos++;
                times = 0;
            } else if (c == '+') {
                pos++;
            } else if (c == '{') {
                int end = regex.indexOf('}', pos);
                String body = regex.substring(pos + 1, end);
                times = Integer.parseInt(body.split(",", -1)[0].trim());
                pos = end + 1;
            } else {
                return 1;
            }
            if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
                pos++;
            }
            return times;
        }

        private String atom() {
            char c = regex.charAt(pos++);
            switch (c) {
                case '^', '$':
                    return "";
                case '.':
                    return "0";
                case '(':
                    if (regex.startsWith("?:", pos)) {
                        pos += 2;
                    }
                    String inner = alternation();
                    pos++;
                    return inner;
                case '[':
                    return charClass();
                case '\\':
                    char e = regex.charAt(pos++);
                    return switch (e) {
                        case 'd' -> "0";
                        case 'w' -> "a";
                        case 's' -> " ";
                        default -> String.valueOf(e);
                    };
                default:
                    return String.valueOf(c);
            }
        }

        private String charClass() {
            int end = regex.indexOf(']', pos + 1);
            String body = regex.substring(pos, end);
            pos = end + 1;
            if (body.startsWith("^")) {
                Pattern cls = Pattern.compile("[" + body + "]");
                for (char candidate : "0aA_-x".toCharArray()) {
                    if (cls.matcher(String.valueOf(candidate)).matches()) {
                        return String.valueOf(candidate);
                    }
                }
                throw new IllegalArgumentException("no example for [" + body + "]");
            }
            return body.startsWith("\\") ? String.valueOf(body.charAt(1)) : String.valueOf(body.charAt(0));
        }
    }
}
