package io.vpmon;

/** The exit codes every vpmon command documents. */
public final class ExitCode {
    /** Success: the spec is valid, files were written, no drift, every alert routed as expected. */
    public static final int OK = 0;
    /** The check ran and found something: drift, a routing mismatch, generated files out of date. */
    public static final int CHECK_FAILED = 1;
    /** Bad usage or bad input: unknown option, invalid spec, unreadable file, unwritable output. */
    public static final int USAGE = 2;
    /** A server (Prometheus, Alertmanager, Pushgateway) was unreachable or answered with errors. */
    public static final int UNAVAILABLE = 3;
    /** A bug in vpmon: an unexpected exception. Rerun with --stacktrace and report it. */
    public static final int SOFTWARE = 70;

    private ExitCode() {
    }
}
