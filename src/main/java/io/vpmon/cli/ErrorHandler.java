package io.vpmon.cli;

import io.vpmon.ExitCode;
import io.vpmon.VpmonException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one short message and an exit code: usage errors show the synopsis
 * and a pointer to --help, expected failures (VpmonException) their message, anything else is
 * reported as a bug. Stack traces only with --stacktrace.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final boolean stacktrace;

    ErrorHandler(boolean stacktrace) {
        this.stacktrace = stacktrace;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + ex.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.print("usage: ");
        }
        err.print(cmd.getHelp().synopsis(0));
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof VpmonException vex) {
            if (vex.getMessage() != null && !vex.getMessage().isEmpty()) {
                err.println("error: " + vex.getMessage());
            }
            if (stacktrace) {
                vex.printStackTrace(err);
            }
            err.flush();
            return vex.exitCode();
        }
        err.println("internal error: " + ex);
        if (stacktrace) {
            ex.printStackTrace(err);
        } else {
            err.println("This is a bug in vpmon. Rerun with --stacktrace and report the output.");
        }
        err.flush();
        return ExitCode.SOFTWARE;
    }
}
