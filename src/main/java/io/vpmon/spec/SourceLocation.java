package io.vpmon.spec;

/** A place in a spec file; line and column count from 1, as editors and compilers show them. */
public record SourceLocation(String file, int line, int column) {
    public static SourceLocation startOf(String file) {
        return new SourceLocation(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
