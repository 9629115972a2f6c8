package io.vpmon;

/**
 * The one exception the core throws for an expected failure: it carries the exit code and a
 * message written for the person at the terminal. The CLI prints the message (no stack trace
 * unless --stacktrace) and exits with the code.
 */
public class VpmonException extends RuntimeException {
    private final int exitCode;

    public VpmonException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public VpmonException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static VpmonException usage(String message) {
        return new VpmonException(ExitCode.USAGE, message);
    }

    public static VpmonException unavailable(String message) {
        return new VpmonException(ExitCode.UNAVAILABLE, message);
    }
}
