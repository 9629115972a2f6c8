package io.vpmon.drift;

/** A file that was left out of a batch, with the reason, for stderr and the JSON report. */
public record SkippedFile(String path, String batch, String reason) {
    /** One line for people: {@code path: reason}. */
    public String describe() {
        return path + ": " + reason;
    }
}
