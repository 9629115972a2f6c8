package io.vpmon.spec;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What every part of the validator checks the same way, reported against the YAML's locations. */
abstract class ValidationChecks {
    private static final Pattern ENDPOINT = Pattern.compile(
            "^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?):(\\d{1,5})$");

    final LocatedYaml yaml;
    final List<Problem> problems;

    ValidationChecks(LocatedYaml yaml, List<Problem> problems) {
        this.yaml = yaml;
        this.problems = problems;
    }

    void labelNames(String at, Map<String, String> labels) {
        for (String name : labels.keySet()) {
            labelName(LocatedYaml.child(at, name), name, true);
        }
    }

    void labelName(String at, String name) {
        labelName(at, name, false);
    }

    void labelName(String at, String name, boolean isKey) {
        SourceLocation loc = isKey ? yaml.keyAt(at) : yaml.valueAt(at);
        if (!LabelMatchers.LABEL_NAME.matcher(name).matches()) {
            problems.add(Problem.error(loc, "invalid label name '" + name + "'",
                    "label names are letters, digits and '_', not starting with a digit"
                            + (name.contains("-") ? ": did you mean '" + name.replace('-', '_') + "'?" : "")));
        } else if (name.startsWith("__")) {
            problems.add(Problem.error(loc, "label name '" + name + "' is reserved",
                    "names starting with '__' are internal to Prometheus"));
        }
    }

    void endpoint(String at, String endpoint) {
        var m = ENDPOINT.matcher(endpoint);
        if (!m.matches()) {
            error(at, "invalid endpoint '" + endpoint + "'", endpoint.contains("://")
                    ? "write host:port without the scheme, e.g. '" + endpoint.replaceFirst("^[a-z]+://", "")
                            .replaceFirst("/.*$", "") + "'"
                    : "write host:port, e.g. 'api:8000'");
            return;
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            error(at, "port " + port + " in '" + endpoint + "' is out of range", "ports are 1 to 65535");
        }
    }

    void scheme(String at, String scheme) {
        if (!scheme.equals("http") && !scheme.equals("https")) {
            error(at, "unknown scheme '" + scheme + "'", DidYouMean.hint(scheme, List.of("http", "https")));
        }
    }

    void regex(String at, String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            error(at, "invalid regular expression '" + regex + "': " + e.getDescription(), null);
        }
    }

    void positive(String at, PromDuration d) {
        if (d.isZero()) {
            error(at, LocatedYaml.display(at) + " must be longer than 0", null);
        }
    }

    void error(String pointer, String message, String hint) {
        problems.add(Problem.error(yaml.valueAt(pointer), message, hint));
    }

}
