package io.vpmon.spec;

/** One thing wrong with a spec, where it is, and what to do about it. */
public record Problem(Severity severity, SourceLocation location, String message, String hint) {
    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Problem error(SourceLocation location, String message, String hint) {
        return new Problem(Severity.ERROR, location, message, hint);
    }

    public static Problem warning(SourceLocation location, String message, String hint) {
        return new Problem(Severity.WARNING, location, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error: message}, then the hint indented on its own line. */
    public String format() {
        String head = location + ": " + severity.label() + ": " + message;
        return hint == null ? head : head + System.lineSeparator() + "    hint: " + hint;
    }
}
