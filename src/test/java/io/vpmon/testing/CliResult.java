package io.vpmon.testing;

import io.vpmon.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs vpmon in-process, as a user would from a shell, capturing exit code, stdout and stderr. */
public record CliResult(int exitCode, String out, String err) {
    public static CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliResult(code, out.toString(), err.toString());
    }
}
