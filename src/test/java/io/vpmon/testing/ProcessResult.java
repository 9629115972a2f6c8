package io.vpmon.testing;

/** How an external process ended: exit code and what it printed. */
public record ProcessResult(int exitCode, String stdout, String stderr) {
    public String output() {
        return stdout + stderr;
    }
}
