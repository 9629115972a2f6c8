package io.vpmon.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An alert annotation as parts (text, a label, the value in some format). The rule file gets
 * the Go template; the rule tests get the same parts rendered for given labels and value.
 */
final class AnnotationTemplate {
    enum ValueFormat {
        PERCENT("$value | humanizePercentage"), DURATION("$value | humanizeDuration"), NUMBER("$value | humanize"),
        TWO_DECIMALS("printf \"%.2f\" $value");

        private final String pipeline;

        ValueFormat(String pipeline) {
            this.pipeline = pipeline;
        }

        String format(double value) {
            return switch (this) {
                case PERCENT -> GoFormat.humanizePercentage(value);
                case DURATION -> GoFormat.humanizeDuration(value);
                case NUMBER -> GoFormat.humanize(value);
                case TWO_DECIMALS -> GoFormat.fixed2(value);
            };
        }
    }

    private interface Part {
        String template();

        String render(Map<String, String> labels, double value);
    }

    private record Text(String text) implements Part {
        public String template() {
            return text.replace("{{", "{{ \"{{\" }}");
        }

        public String render(Map<String, String> labels, double value) {
            return text;
        }
    }

    private record Label(String name) implements Part {
        public String template() {
            return "{{ $labels." + name + " }}";
        }

        public String render(Map<String, String> labels, double value) {
            return labels.getOrDefault(name, "");
        }
    }

    /** A Go template written by the user (custom alerts), rendered for tests only when it keeps to the subset. */
    private record Raw(String template) implements Part {
        public String render(Map<String, String> labels, double value) {
            return TemplateSubset.render(template, labels, value).orElseThrow(
                    () -> new IllegalStateException("template outside the subset vpmon renders: " + template));
        }
    }

    private record Value(ValueFormat format) implements Part {
        public String template() {
            return "{{ " + format.pipeline + " }}";
        }

        public String render(Map<String, String> labels, double value) {
            return format.format(value);
        }
    }

    private final List<Part> parts = new ArrayList<>();

    static AnnotationTemplate text(String text) {
        return new AnnotationTemplate().then(text);
    }

    static AnnotationTemplate raw(String goTemplate) {
        AnnotationTemplate t = new AnnotationTemplate();
        t.parts.add(new Raw(goTemplate));
        return t;
    }

    AnnotationTemplate then(String text) {
        parts.add(new Text(text));
        return this;
    }

    AnnotationTemplate label(String name) {
        parts.add(new Label(name));
        return this;
    }

    AnnotationTemplate value(ValueFormat format) {
        parts.add(new Value(format));
        return this;
    }

    String goTemplate() {
        StringBuilder sb = new StringBuilder();
        parts.forEach(p -> sb.append(p.template()));
        return sb.toString();
    }

    /** Whether {@link #render} can state this template's text (always, but for some user templates). */
    boolean renderable(Map<String, String> labels, double value) {
        return parts.stream().allMatch(p -> !(p instanceof Raw raw)
                || TemplateSubset.render(raw.template(), labels, value).isPresent());
    }

    String render(Map<String, String> labels, double value) {
        StringBuilder sb = new StringBuilder();
        parts.forEach(p -> sb.append(p.render(labels, value)));
        return sb.toString();
    }
}
