package io.vpmon.cli;

/** The exit code lines of the help pages, one constant per code so commands list only theirs. */
final class ExitCodes {
    static final String OK = "0:success";
    static final String CHECK_FAILED = "1:the check found something (drift, a mismatch, files out of date)";
    static final String USAGE = "2:bad usage or input (unknown option, invalid spec, unreadable or unwritable file)";
    static final String UNAVAILABLE = "3:a server was unreachable or answered with errors";
    static final String SOFTWARE = "70:internal error (a bug: rerun with --stacktrace and report it)";

    private ExitCodes() {
    }
}
